import { z } from 'zod';
import { operationCommandSchema } from '../common/operation-command.schema';

/**
 * key-rotation-commands `connector-keys.rotate`: rotate an IoMT connector's secrets. Whether the
 * rotation is forced is read from the connector's `AccountSpecificStreamAnalyticsJob` (seed 004).
 */
export const RotateConnectorKeysCommandSchema = operationCommandSchema('iomtConnector');

/** Payload of the command. */
export type RotateConnectorKeysCommand = z.infer<typeof RotateConnectorKeysCommandSchema>;
