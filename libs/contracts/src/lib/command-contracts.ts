import { ValidationError } from '@iomt/domain';
import { z } from 'zod';
import { parsePayload } from './common/parse-payload';
import { ContractErrorCode } from './contract-error-codes';
import { CreateIomtConnectionCommandSchema, CreateIomtConnectionReplySchema } from './create-iomt-connection';
import { DeleteIomtConnectionCommandSchema, DeleteIomtConnectionReplySchema } from './delete-iomt-connection';
import { DeprovisionFhirServiceCommandSchema, DeprovisionFhirServiceReplySchema } from './deprovision-fhir-service';
import { DeprovisionIomtConnectorCommandSchema, DeprovisionIomtConnectorReplySchema } from './deprovision-iomt-connector';
import { PatchFhirServiceCommandSchema, PatchFhirServiceReplySchema } from './patch-fhir-service';
import { ProvisionFhirServiceCommandSchema, ProvisionFhirServiceReplySchema } from './provision-fhir-service';
import { ProvisionIomtConnectorCommandSchema, ProvisionIomtConnectorReplySchema } from './provision-iomt-connector';
import { PutIomtMappingCommandSchema, PutIomtMappingReplySchema } from './put-iomt-mapping';
import { QueueName } from './queues';
import { RotateConnectorKeysCommandSchema, RotateConnectorKeysReplySchema } from './rotate-connector-keys';
import { replySubjectOf, Subject } from './subjects';

/**
 * Every worker command: the queue it is sent to, the schema of its payload and of its reply.
 * The router sends a command with `replyTo: operation-replies` and `replyToSessionId: operationId`.
 */
export const COMMAND_CONTRACTS = {
  [Subject.ProvisionFhirService]: {
    queue: QueueName.FhirCommands,
    command: ProvisionFhirServiceCommandSchema,
    reply: ProvisionFhirServiceReplySchema,
  },
  [Subject.PatchFhirService]: {
    queue: QueueName.FhirCommands,
    command: PatchFhirServiceCommandSchema,
    reply: PatchFhirServiceReplySchema,
  },
  [Subject.DeprovisionFhirService]: {
    queue: QueueName.FhirCommands,
    command: DeprovisionFhirServiceCommandSchema,
    reply: DeprovisionFhirServiceReplySchema,
  },
  [Subject.ProvisionIomtConnector]: {
    queue: QueueName.IomtCommands,
    command: ProvisionIomtConnectorCommandSchema,
    reply: ProvisionIomtConnectorReplySchema,
  },
  [Subject.DeprovisionIomtConnector]: {
    queue: QueueName.IomtCommands,
    command: DeprovisionIomtConnectorCommandSchema,
    reply: DeprovisionIomtConnectorReplySchema,
  },
  [Subject.PutIomtMapping]: {
    queue: QueueName.IomtCommands,
    command: PutIomtMappingCommandSchema,
    reply: PutIomtMappingReplySchema,
  },
  [Subject.CreateIomtConnection]: {
    queue: QueueName.IomtCommands,
    command: CreateIomtConnectionCommandSchema,
    reply: CreateIomtConnectionReplySchema,
  },
  [Subject.DeleteIomtConnection]: {
    queue: QueueName.IomtCommands,
    command: DeleteIomtConnectionCommandSchema,
    reply: DeleteIomtConnectionReplySchema,
  },
  [Subject.RotateConnectorKeys]: {
    queue: QueueName.KeyRotationCommands,
    command: RotateConnectorKeysCommandSchema,
    reply: RotateConnectorKeysReplySchema,
  },
} as const;

/** The subject of a worker command. */
export type CommandSubject = keyof typeof COMMAND_CONTRACTS;

/** The payload type of the command `S`. */
export type CommandOf<S extends CommandSubject> = z.output<(typeof COMMAND_CONTRACTS)[S]['command']>;

/** The reply type of the command `S`. */
export type ReplyOf<S extends CommandSubject> = z.output<(typeof COMMAND_CONTRACTS)[S]['reply']>;

/** True when `subject` names a worker command. */
export function isCommandSubject(subject: unknown): subject is CommandSubject {
  return typeof subject === 'string' && Object.hasOwn(COMMAND_CONTRACTS, subject);
}

/** The contract of a command subject; any other subject throws `UnknownSubject` (not retryable). */
export function commandContractOf<S extends CommandSubject>(subject: S | string): (typeof COMMAND_CONTRACTS)[S] {
  if (!isCommandSubject(subject)) {
    throw new ValidationError(`No command contract has the subject '${String(subject).slice(0, 100)}'.`, {
      code: ContractErrorCode.UnknownSubject,
      target: 'subject',
    });
  }
  return COMMAND_CONTRACTS[subject as S];
}

/** Parses a received command by its subject; see `parsePayload` for the errors. */
export function parseCommand<S extends CommandSubject>(subject: S, body: unknown): CommandOf<S> {
  return parsePayload(commandContractOf(subject).command, body, subject) as CommandOf<S>;
}

/** Parses the reply to a command sent under `subject`. */
export function parseReply<S extends CommandSubject>(subject: S, body: unknown): ReplyOf<S> {
  return parsePayload(commandContractOf(subject).reply, body, replySubjectOf(subject)) as ReplyOf<S>;
}
