import { z } from 'zod';
import { operationCommandSchema } from '../common/operation-command.schema';

/** fhir-commands `fhir-service.deprovision`: remove a FHIR service's infrastructure. */
export const DeprovisionFhirServiceCommandSchema = operationCommandSchema('fhirService');

/** Payload of the command. */
export type DeprovisionFhirServiceCommand = z.infer<typeof DeprovisionFhirServiceCommandSchema>;
