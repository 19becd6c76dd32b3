import {
  ConcurrencyConflictError,
  DomainError,
  ErrorCode,
  ResourceNotFoundError,
  ThrottledError,
  TransientError,
  ValidationError,
} from '@iomt/domain';
import { CommandSubject, parseReply } from './command-contracts';
import { isErrorReply, okReply, ReplyError } from './common/reply-envelope';
import { errorFromReply, errorReply, INTERNAL_ERROR_MESSAGE, RemoteOperationError, replyErrorFrom } from './common/reply-error';
import { ContractErrorCode } from './contract-error-codes';
import { Subject } from './subjects';

/** A valid successful result of each command. */
const RESULTS: Record<CommandSubject, unknown> = {
  [Subject.ProvisionFhirService]: { deploymentNames: ['op-1-fhir'] },
  [Subject.PatchFhirService]: {},
  [Subject.DeprovisionFhirService]: {},
  [Subject.ProvisionIomtConnector]: { deploymentNames: ['op-1-eventhubs', 'op-1-asa'] },
  [Subject.DeprovisionIomtConnector]: {},
  [Subject.PutIomtMapping]: { mappingName: 'fhirMapping', contentEtag: '"0x8DC"' },
  [Subject.CreateIomtConnection]: { authorizationRuleName: 'writer' },
  [Subject.DeleteIomtConnection]: {},
  [Subject.RotateConnectorKeys]: { isUsingPrimaryKey: false, secretLastRotated: '2024-05-01T10:00:00Z', secretRotationCount: 4 },
};
const SUBJECTS = Object.keys(RESULTS) as CommandSubject[];

const FAILURE: ReplyError = { code: 'DeploymentFailed', message: 'The deployment failed.', retryable: false };

function invalidMessageCode(action: () => unknown): string | undefined {
  try {
    action();
  } catch (error) {
    return (error as ValidationError).code;
  }
  return undefined;
}

describe('reply envelopes', () => {
  it.each(SUBJECTS)('%s accepts a success with its result, a bare success and a failure', (subject) => {
    for (const reply of [okReply(RESULTS[subject]), okReply(), errorReply(new ResourceNotFoundError('gone'))]) {
      expect(parseReply(subject, JSON.parse(JSON.stringify(reply)))).toEqual(reply);
    }
  });

  it.each<[CommandSubject, unknown, string]>([
    [Subject.ProvisionFhirService, { ok: true, result: { deploymentNames: [''] } }, 'empty deployment name'],
    [Subject.ProvisionIomtConnector, { ok: true, result: { deploymentNames: 'op-1' } }, 'names not in a list'],
    [Subject.PutIomtMapping, { ok: true, result: { mappingName: 'device' } }, 'unknown mapping name'],
    [Subject.PutIomtMapping, { ok: true, result: {} }, 'no mapping name'],
    [Subject.CreateIomtConnection, { ok: true, result: { authorizationRuleName: '' } }, 'empty rule name'],
    [Subject.RotateConnectorKeys, { ok: true, result: { ...(RESULTS[Subject.RotateConnectorKeys] as object), secretRotationCount: -1 } }, 'negative count'],
    [Subject.RotateConnectorKeys, { ok: true, result: { ...(RESULTS[Subject.RotateConnectorKeys] as object), secretLastRotated: 'yesterday' } }, 'not a date-time'],
    [Subject.DeleteIomtConnection, { ok: 'yes' }, 'ok not a boolean'],
    [Subject.DeleteIomtConnection, { result: {} }, 'no ok'],
    [Subject.DeleteIomtConnection, { ok: false }, 'failure without error'],
    [Subject.DeleteIomtConnection, { ok: false, error: { code: 'X', message: 'm' } }, 'error without retryable'],
    [Subject.DeleteIomtConnection, { ok: false, error: { code: '', message: 'm', retryable: true } }, 'empty code'],
    [Subject.DeleteIomtConnection, { ok: false, error: { ...FAILURE, details: [{ message: 'no code' }] } }, 'detail without code'],
    [Subject.DeleteIomtConnection, null, 'null body'],
  ])('%s rejects %j (%s)', (subject, body) => {
    expect(invalidMessageCode(() => parseReply(subject, body))).toBe(ContractErrorCode.InvalidMessage);
  });

  it('tells failures apart', () => {
    expect(isErrorReply(okReply({}))).toBe(false);
    expect(isErrorReply({ ok: false, error: FAILURE })).toBe(true);
  });
});

describe('errors across the process boundary', () => {
  it.each<[DomainError, string, boolean]>([
    [new ValidationError('bad name', { code: ErrorCode.InvalidResourceName, target: 'name' }), ErrorCode.InvalidResourceName, false],
    [new ResourceNotFoundError('no such connector'), ErrorCode.ResourceNotFound, false],
    [new ConcurrencyConflictError('etag moved'), ErrorCode.PreconditionFailed, true],
    [new ThrottledError('slow down', 2000), ErrorCode.TooManyRequests, true],
    [new TransientError('arm unavailable'), ErrorCode.ServiceUnavailable, true],
  ])('%p keeps code %s and retryable=%p both ways', (error, code, retryable) => {
    const wire = JSON.parse(JSON.stringify(errorReply(error)));
    expect(wire.error).toMatchObject({ code, message: error.message, retryable });
    const back = errorFromReply(wire.error);
    expect(back).toBeInstanceOf(DomainError);
    expect(back).toBeInstanceOf(RemoteOperationError);
    expect(back).toMatchObject({ code, message: error.message, retryable, target: error.target, kind: error.kind });
  });

  it('carries target and details', () => {
    const error = new ValidationError('two problems', {
      code: ErrorCode.InvalidRequestContent,
      target: 'properties',
      details: [{ code: ErrorCode.InvalidParameter, message: 'x is missing', target: 'properties.x' }],
    });
    const back = errorFromReply(replyErrorFrom(error));
    expect(back.toJSON()).toEqual(error.toJSON());
    expect(back.details).toEqual(error.details);
  });

  it('hides the text of unexpected errors, which may hold anything, and lets them be retried', () => {
    const reply = replyErrorFrom(new Error('connection string Endpoint=sb://x;SharedAccessKey=secret'));
    expect(reply).toEqual({ code: ErrorCode.InternalServerError, message: INTERNAL_ERROR_MESSAGE, retryable: true });
    expect(replyErrorFrom('a string was thrown').code).toBe(ErrorCode.InternalServerError);
  });

  it.each<[ReplyError, string]>([
    [{ code: 'DeploymentFailed', message: 'm', retryable: false }, 'internal'],
    [{ code: 'DeploymentFailed', message: 'm', retryable: true }, 'transient'],
    [{ code: ErrorCode.Conflict, message: 'm', retryable: false }, 'conflict'],
    [{ code: ContractErrorCode.InvalidMessage, message: 'm', retryable: false }, 'validation'],
  ])('gives the remote error %j the kind %s, keeping the sender retryable flag', (reply, kind) => {
    const error = errorFromReply(reply);
    expect(error.kind).toBe(kind);
    expect(error.retryable).toBe(reply.retryable);
  });
});
