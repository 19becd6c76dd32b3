import { z } from 'zod';
import { operationCommandSchema } from '../common/operation-command.schema';

/** iomt-commands `iomt-connector.deprovision`: delete an IoMT connector, its children and its infrastructure resource group. */
export const DeprovisionIomtConnectorCommandSchema = operationCommandSchema('iomtConnector');

/** Payload of the command. */
export type DeprovisionIomtConnectorCommand = z.infer<typeof DeprovisionIomtConnectorCommandSchema>;
