import { z } from 'zod';
import { operationCommandSchema } from '../common/operation-command.schema';

/** iomt-commands `iomt-connector.provision`: create or update (re-provision) an IoMT connector's infrastructure. */
export const ProvisionIomtConnectorCommandSchema = operationCommandSchema('iomtConnector');

/** Payload of the command. */
export type ProvisionIomtConnectorCommand = z.infer<typeof ProvisionIomtConnectorCommandSchema>;
