import { ValidationError } from '@iomt/domain';
import { COMMAND_CONTRACTS, CommandSubject, commandContractOf, isCommandSubject, parseCommand } from './command-contracts';
import { ContractErrorCode } from './contract-error-codes';
import { QueueName } from './queues';
import { Subject } from './subjects';

const SUB = 'c243745d-50bb-48d1-9e62-3f72efb3166c';
const OTHER_SUB = '11111111-2222-3333-4444-555555555555';
const OP = '9d4c1c1e-7f0a-4a51-9a55-0c2b6f0f7e11';
const SERVICE = `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.HealthcareApis/services/fhir1`;
const CONNECTOR = `${SERVICE}/iomtconnectors/conn1`;
const CONNECTION = `${CONNECTOR}/connections/writer`;
const MAPPING = `${CONNECTOR}/mappings/deviceMapping`;

/** The resource each command works on, and its queue. */
const TARGETS: Record<CommandSubject, [string, QueueName]> = {
  [Subject.ProvisionFhirService]: [SERVICE, QueueName.FhirCommands],
  [Subject.PatchFhirService]: [SERVICE, QueueName.FhirCommands],
  [Subject.DeprovisionFhirService]: [SERVICE, QueueName.FhirCommands],
  [Subject.ProvisionIomtConnector]: [CONNECTOR, QueueName.IomtCommands],
  [Subject.DeprovisionIomtConnector]: [CONNECTOR, QueueName.IomtCommands],
  [Subject.PutIomtMapping]: [MAPPING, QueueName.IomtCommands],
  [Subject.CreateIomtConnection]: [CONNECTION, QueueName.IomtCommands],
  [Subject.DeleteIomtConnection]: [CONNECTION, QueueName.IomtCommands],
  [Subject.RotateConnectorKeys]: [CONNECTOR, QueueName.KeyRotationCommands],
};
const SUBJECTS = Object.keys(TARGETS) as CommandSubject[];

function validCommand(subject: CommandSubject) {
  return { operationId: OP, subscriptionId: SUB, resourceId: TARGETS[subject][0], attempt: 1 };
}

function invalidMessage(action: () => unknown): ValidationError {
  try {
    action();
  } catch (error) {
    if (error instanceof ValidationError && error.code === ContractErrorCode.InvalidMessage) return error;
    throw error;
  }
  throw new Error('expected an InvalidMessage error');
}

describe('worker commands', () => {
  it('has a contract, and only one, for every command subject', () => {
    expect(Object.keys(COMMAND_CONTRACTS).sort()).toEqual([...SUBJECTS].sort());
  });

  it.each(SUBJECTS)('%s goes to its queue and accepts a command of ids, also after a JSON round trip', (subject) => {
    expect(commandContractOf(subject).queue).toBe(TARGETS[subject][1]);
    const command = validCommand(subject);
    expect(parseCommand(subject, JSON.parse(JSON.stringify(command)))).toEqual(command);
  });

  it.each(SUBJECTS)('%s keeps the caller casing of ids and accepts later attempts', (subject) => {
    const command = { ...validCommand(subject), subscriptionId: SUB.toUpperCase(), attempt: 3 };
    expect(parseCommand(subject, command)).toEqual(command);
  });

  it.each(SUBJECTS)('%s ignores fields it does not know (a newer minor version may add some)', (subject) => {
    expect(parseCommand(subject, { ...validCommand(subject), addedLater: true })).toEqual(validCommand(subject));
  });

  /** [what is wrong, change to a valid command, property named, words in the problem]. */
  const badFields: [string, (subject: CommandSubject) => Record<string, unknown>, string, string][] = [
    ['no operation id', () => ({ operationId: undefined }), 'operationId', ''],
    ['a bad operation id', () => ({ operationId: 'op/1' }), 'operationId', 'operation id'],
    ['no subscription id', () => ({ subscriptionId: undefined }), 'subscriptionId', ''],
    ['a non-GUID subscription id', () => ({ subscriptionId: 'sub-1' }), 'subscriptionId', 'GUID'],
    ['no resource id', () => ({ resourceId: undefined }), 'resourceId', ''],
    ['a malformed resource id', () => ({ resourceId: '/subscriptions/x' }), 'resourceId', 'subscription identifier'],
    [
      'a resource id of another provider',
      () => ({ resourceId: `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.Web/sites/s` }),
      'resourceId',
      'namespace',
    ],
    [
      'a resource in another subscription',
      (subject) => ({ resourceId: TARGETS[subject][0].replace(SUB, OTHER_SUB) }),
      'resourceId',
      'must lie in the subscription',
    ],
    ['attempt 0', () => ({ attempt: 0 }), 'attempt', ''],
    ['a fractional attempt', () => ({ attempt: 1.5 }), 'attempt', ''],
    ['attempt as text', () => ({ attempt: '1' }), 'attempt', ''],
  ];

  it.each(SUBJECTS.flatMap((subject) => badFields.map((row) => [subject, ...row] as const)))(
    '%s rejects %s',
    (subject, _label, patch, target, words) => {
      const error = invalidMessage(() => parseCommand(subject, { ...validCommand(subject), ...patch(subject) }));
      expect(error.details).toEqual([expect.objectContaining({ target, message: expect.stringContaining(words) })]);
      expect(error.message).toContain(`'${subject}' message is invalid`);
      expect(error.retryable).toBe(false);
    },
  );

  it.each([
    [Subject.ProvisionFhirService, CONNECTOR, 'fhirService'],
    [Subject.ProvisionIomtConnector, SERVICE, 'iomtConnector'],
    [Subject.DeprovisionIomtConnector, MAPPING, 'iomtConnector'],
    [Subject.PutIomtMapping, CONNECTION, 'iomtMapping'],
    [Subject.CreateIomtConnection, MAPPING, 'iomtConnection'],
    [Subject.RotateConnectorKeys, SERVICE, 'iomtConnector'],
  ] as const)('%s refuses the id %s: it must be a %s', (subject, resourceId, kind) => {
    const error = invalidMessage(() => parseCommand(subject, { ...validCommand(subject), resourceId }));
    expect(error.details).toEqual([expect.objectContaining({ target: 'resourceId', message: expect.stringContaining(kind) })]);
  });

  it.each([[null], [undefined], ['text'], [[]], [42]])('rejects the body %p', (body) => {
    invalidMessage(() => parseCommand(Subject.ProvisionIomtConnector, body));
  });

  it.each([['operation.requested'], ['iomt-connector.provision.reply'], ['nope'], ['constructor'], ['']])(
    'refuses the unknown command subject %p',
    (subject) => {
      expect(isCommandSubject(subject)).toBe(false);
      expect(() => parseCommand(subject as CommandSubject, {})).toThrow(
        expect.objectContaining({ code: ContractErrorCode.UnknownSubject, target: 'subject' }),
      );
    },
  );
});
