import { errorReply } from '@iomt/contracts';
import { TransientError, ValidationError } from '@iomt/domain';
import { RpcException } from '@nestjs/microservices';
import { failureReply } from './reply-message';
import { deadLetter, SettlementAction, type SettlementDecision } from './settlement.policy';

const abandon: SettlementDecision = { action: SettlementAction.Abandon };
const complete: SettlementDecision = { action: SettlementAction.Complete };
const refused = deadLetter('NoHandler', 'no handler for subject "x"');

describe('failureReply', () => {
  it.each<[string, unknown, SettlementDecision]>([
    ['an Error, abandoned', new Error('password=hunter2'), abandon],
    ['an Error, dead-lettered by a strict policy', new Error('password=hunter2'), deadLetter('UnhandledError', 'Error')],
    ['an Error, completed', new TypeError('x is undefined'), complete],
    ['a string', 'boom', abandon],
    ['null', null, abandon],
    ['an object without code and retryable', { message: 'half classified', code: 'X' }, abandon],
  ])('answers an unexpected failure (%s) by the contracts\' rule: internal, retryable, no text', (_name, error, decision) => {
    expect(failureReply(decision, error)).toEqual(errorReply(error));
    expect(failureReply(decision, error)).toEqual({
      ok: false,
      error: { code: 'InternalServerError', message: 'Internal server error.', retryable: true },
    });
  });

  it.each<[string, unknown]>([
    ['a retryable domain error', new TransientError('busy')],
    ['a permanent domain error', new ValidationError('bad name', { target: 'name' })],
  ])('answers %s as the contracts do', (_name, error) => {
    expect(failureReply(abandon, error)).toEqual(errorReply(error));
  });

  it.each<[string, unknown, object]>([
    ['a self-classified SDK error', Object.assign(new Error('gone'), { code: 'MessagingEntityNotFound', retryable: false }), { code: 'MessagingEntityNotFound', message: 'gone', retryable: false }],
    ['an RpcException wrapping a domain error', new RpcException(new TransientError('busy')), { code: 'ServiceUnavailable', message: 'busy', retryable: true }],
  ])('keeps what %s says about itself', (_name, error, expected) => {
    expect(failureReply(abandon, error)).toEqual({ ok: false, error: expected });
  });

  it('answers a message the transport refused with its dead-letter reason, not retryable', () => {
    expect(failureReply(refused, undefined)).toEqual({
      ok: false,
      error: { code: 'NoHandler', message: 'no handler for subject "x"', retryable: false },
    });
  });
});
