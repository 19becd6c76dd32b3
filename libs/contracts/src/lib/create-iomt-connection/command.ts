import { z } from 'zod';
import { operationCommandSchema } from '../common/operation-command.schema';

/** iomt-commands `iomt-connection.create`: create a connection (a write-only Event Hubs authorization rule). */
export const CreateIomtConnectionCommandSchema = operationCommandSchema('iomtConnection');

/** Payload of the command. */
export type CreateIomtConnectionCommand = z.infer<typeof CreateIomtConnectionCommandSchema>;
