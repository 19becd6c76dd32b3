import { z } from 'zod';
import { operationCommandSchema } from '../common/operation-command.schema';

/** iomt-commands `iomt-connection.delete`: delete a connection's Event Hubs authorization rule. */
export const DeleteIomtConnectionCommandSchema = operationCommandSchema('iomtConnection');

/** Payload of the command. */
export type DeleteIomtConnectionCommand = z.infer<typeof DeleteIomtConnectionCommandSchema>;
