import {
  ConcurrencyConflictError,
  ConflictError,
  OperationNotFoundError,
  ResourceNotFoundError,
  ThrottledError,
  TransientError,
  ValidationError,
} from '@iomt/domain';
import { RpcException } from '@nestjs/microservices';
import { RemoteOperationError } from '@iomt/contracts';
import { ReplyTimeoutError } from './service-bus.errors';
import {
  createSettlementPolicy,
  defaultSettlementPolicy,
  SettlementAction,
  SettlementDecision,
  UNCLASSIFIED_ERROR_REASON,
} from './settlement.policy';

const abandon: SettlementDecision = { action: SettlementAction.Abandon };
const deadLetter = (reason: string, description: string): SettlementDecision => ({
  action: SettlementAction.DeadLetter,
  reason,
  description,
});

describe('defaultSettlementPolicy', () => {
  it.each<[string, unknown, SettlementDecision]>([
    ['a validation error', new ValidationError('bad body'), deadLetter('InvalidRequestContent', 'bad body')],
    ['a missing resource', new ResourceNotFoundError('gone'), deadLetter('ResourceNotFound', 'gone')],
    ['a conflict', new ConflictError('busy'), deadLetter('Conflict', 'busy')],
    ['no handler in the chain', new OperationNotFoundError('none'), deadLetter('OperationNotFound', 'none')],
    ['a transient failure', new TransientError('cosmos down'), abandon],
    ['throttling', new ThrottledError('slow down', 1000), abandon],
    ['a lost optimistic-concurrency race', new ConcurrencyConflictError('raced'), abandon],
    ['a reply timeout', new ReplyTimeoutError('no reply'), abandon],
    ['a retryable remote error', new RemoteOperationError({ code: 'ServerBusy', message: 'x', retryable: true }), abandon],
    [
      'a permanent remote error',
      new RemoteOperationError({ code: 'DeploymentFailed', message: 'quota', retryable: false }),
      deadLetter('DeploymentFailed', 'quota'),
    ],
    ['an SDK-style retryable error', Object.assign(new Error('busy'), { code: 'ServiceBusy', retryable: true }), abandon],
    [
      'an SDK-style permanent error',
      Object.assign(new Error('no entity'), { code: 'MessagingEntityNotFound', retryable: false }),
      deadLetter('MessagingEntityNotFound', 'no entity'),
    ],
    [
      'an RpcException wrapping a classified object',
      new RpcException({ code: 'InvalidParameter', message: 'x is bad', retryable: false }),
      deadLetter('InvalidParameter', 'x is bad'),
    ],
    ['an RpcException with a plain string', new RpcException('oops'), abandon],
    ['a plain Error', new Error('bug'), abandon],
    ["Nest's sanitised unknown error", { status: 'error', message: 'Internal server error' }, abandon],
    ['a thrown string', 'boom', abandon],
    ['undefined', undefined, abandon],
    ['an object with a code but no retryable flag', { code: 'X', message: 'y' }, abandon],
  ])('settles %s as expected', (_name, error, expected) => {
    expect(defaultSettlementPolicy(error)).toEqual(expected);
  });
});

describe('createSettlementPolicy', () => {
  it.each<[SettlementAction, unknown, SettlementDecision]>([
    [SettlementAction.DeadLetter, new TypeError('key=abc'), deadLetter(UNCLASSIFIED_ERROR_REASON, 'TypeError; the error text is in the service log')],
    [SettlementAction.DeadLetter, 'boom', deadLetter(UNCLASSIFIED_ERROR_REASON, 'string; the error text is in the service log')],
    [SettlementAction.DeadLetter, 42, deadLetter(UNCLASSIFIED_ERROR_REASON, 'number; the error text is in the service log')],
    [SettlementAction.Complete, new Error('bug'), { action: SettlementAction.Complete }],
    [SettlementAction.Abandon, new Error('bug'), abandon],
  ])('applies onUnknownError=%s to unclassified errors', (onUnknownError, error, expected) => {
    expect(createSettlementPolicy({ onUnknownError })(error)).toEqual(expected);
  });

  it('still follows classified errors whatever onUnknownError says', () => {
    const policy = createSettlementPolicy({ onUnknownError: SettlementAction.DeadLetter });
    expect(policy(new TransientError('later'))).toEqual(abandon);
  });

  it('cuts long descriptions to 1024 characters', () => {
    const decision = defaultSettlementPolicy(new ValidationError('x'.repeat(5000)));
    expect(decision).toMatchObject({ action: SettlementAction.DeadLetter });
    expect(decision.action === SettlementAction.DeadLetter && decision.description.length).toBe(1024);
  });
});
