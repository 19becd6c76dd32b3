import { z } from 'zod';
import { operationCommandSchema } from '../common/operation-command.schema';

/** fhir-commands `fhir-service.patch`: apply a change to a FHIR service (seed 004 OperationType Patch). */
export const PatchFhirServiceCommandSchema = operationCommandSchema('fhirService');

/** Payload of the command. */
export type PatchFhirServiceCommand = z.infer<typeof PatchFhirServiceCommandSchema>;
