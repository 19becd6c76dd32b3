import { z } from 'zod';
import { operationCommandSchema } from '../common/operation-command.schema';

/**
 * iomt-commands `iomt-mapping.put`: store a device or FHIR mapping and apply it to the connector.
 * The mapping content stays in the operation document (seed 004 `mappingContent`), not here.
 */
export const PutIomtMappingCommandSchema = operationCommandSchema('iomtMapping');

/** Payload of the command. */
export type PutIomtMappingCommand = z.infer<typeof PutIomtMappingCommandSchema>;
