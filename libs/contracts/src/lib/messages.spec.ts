import { ValidationError } from '@iomt/domain';
import { ContractErrorCode } from './contract-error-codes';
import {
  assertCompatibleContractVersion,
  CONTRACT_VERSION,
  CONTRACT_VERSION_PROPERTY,
  contractApplicationProperties,
  isCompatibleContractVersion,
} from './contract-version';
import { parseOperationProgress, parseOperationRequested } from './event-contracts';
import { QueueName, sessionIdFor } from './queues';
import { replySubjectOf, requestSubjectOf, Subject } from './subjects';

const SUB = 'c243745d-50bb-48d1-9e62-3f72efb3166c';
const OP = '9d4c1c1e-7f0a-4a51-9a55-0c2b6f0f7e11';
const CONNECTOR = `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.HealthcareApis/services/fhir1/iomtconnectors/conn1`;

function problemTargets(action: () => unknown): (string | undefined)[] {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).code).toBe(ContractErrorCode.InvalidMessage);
    return (error as ValidationError).details.map((detail) => detail.target);
  }
  throw new Error('expected an InvalidMessage error');
}

describe('operation.requested', () => {
  const valid = { operationId: OP, subscriptionId: SUB, resourceId: CONNECTOR };

  it.each([
    [valid],
    [{ ...valid, resourceId: `${CONNECTOR}/mappings/fhirMapping` }],
    [{ ...valid, resourceId: CONNECTOR.replace('/iomtconnectors/conn1', '') }],
    [{ ...valid, resourceId: `${CONNECTOR}/connections/writer` }],
    [{ operationId: OP, subscriptionId: SUB }],
  ])('accepts %j', (body) => {
    expect(parseOperationRequested(body)).toEqual(body);
  });

  it.each<[Record<string, unknown>, string]>([
    [{ ...valid, operationId: '' }, 'operationId'],
    [{ ...valid, subscriptionId: 'x' }, 'subscriptionId'],
    [{ ...valid, resourceId: 42 }, 'resourceId'],
    [{ ...valid, resourceId: CONNECTOR.replace(SUB, '11111111-2222-3333-4444-555555555555') }, 'resourceId'],
    [{ ...valid, resourceId: `/subscriptions/${SUB}/providers/Microsoft.HealthcareApis/locations/westus2/operationresults/${OP}` }, 'resourceId'],
  ])('rejects %j, naming %s', (body, target) => {
    expect(problemTargets(() => parseOperationRequested(body))).toEqual([target]);
  });
});

describe('operation.progress', () => {
  const valid = { operationId: OP, subscriptionId: SUB, percentComplete: 40, step: 'deploy-event-hubs' };

  it.each([[valid], [{ ...valid, percentComplete: 0, step: undefined }], [{ ...valid, percentComplete: 100 }], [{ ...valid, percentComplete: 12.5 }]])(
    'accepts %j',
    (body) => {
      expect(parseOperationProgress(body)).toEqual(body);
    },
  );

  it.each<[Record<string, unknown>, string]>([
    [{ ...valid, percentComplete: -1 }, 'percentComplete'],
    [{ ...valid, percentComplete: 101 }, 'percentComplete'],
    [{ ...valid, percentComplete: '40' }, 'percentComplete'],
    [{ ...valid, percentComplete: undefined }, 'percentComplete'],
    [{ ...valid, step: '' }, 'step'],
    [{ ...valid, step: 's'.repeat(101) }, 'step'],
    [{ ...valid, operationId: undefined }, 'operationId'],
  ])('rejects %j, naming %s', (body, target) => {
    expect(problemTargets(() => parseOperationProgress(body))).toEqual([target]);
  });
});

describe('subjects and queues', () => {
  it('gives every message its own subject, none of which looks like a reply', () => {
    const subjects = Object.values(Subject);
    expect(new Set(subjects).size).toBe(subjects.length);
    for (const subject of subjects) expect(requestSubjectOf(subject)).toBeUndefined();
  });

  it.each([
    [Subject.ProvisionIomtConnector, 'iomt-connector.provision.reply'],
    [Subject.RotateConnectorKeys, 'connector-keys.rotate.reply'],
  ])('replies to %s under %s', (subject, reply) => {
    expect(replySubjectOf(subject)).toBe(reply);
    expect(requestSubjectOf(reply)).toBe(subject);
  });

  it.each([['.reply'], ['reply'], ['operation.requested']])('%p is not a reply subject', (subject) => {
    expect(requestSubjectOf(subject)).toBeUndefined();
  });

  it.each([
    [QueueName.Operations, SUB],
    [QueueName.FhirCommands, SUB],
    [QueueName.IomtCommands, SUB],
    [QueueName.KeyRotationCommands, SUB],
    [QueueName.OperationReplies, OP],
  ])('keys sessions of %s by %s', (queue, sessionId) => {
    expect(sessionIdFor(queue, { subscriptionId: SUB, operationId: OP })).toBe(sessionId);
  });
});

describe('contract version', () => {
  it('is carried in application properties', () => {
    expect(contractApplicationProperties()).toEqual({ [CONTRACT_VERSION_PROPERTY]: CONTRACT_VERSION });
    expect(() => assertCompatibleContractVersion(contractApplicationProperties())).not.toThrow();
  });

  it.each([
    ['1.0', true],
    ['1.7', true],
    ['2.0', false],
    ['0.9', false],
    ['1', false],
    ['v1.0', false],
    [1, false],
    [undefined, false],
  ])('reads version %p: %p', (version, compatible) => {
    expect(isCompatibleContractVersion(version)).toBe(compatible);
    const check = () => assertCompatibleContractVersion({ [CONTRACT_VERSION_PROPERTY]: version });
    if (compatible) expect(check).not.toThrow();
    else expect(check).toThrow(expect.objectContaining({ code: ContractErrorCode.UnsupportedContractVersion }));
  });

  it('refuses a message without application properties', () => {
    expect(() => assertCompatibleContractVersion(undefined)).toThrow(
      expect.objectContaining({ code: ContractErrorCode.UnsupportedContractVersion, retryable: false }),
    );
  });
});
