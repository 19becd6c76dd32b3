import { z } from 'zod';
import { operationCommandSchema } from '../common/operation-command.schema';

/** fhir-commands `fhir-service.provision`: create a FHIR service's infrastructure, or re-apply it. */
export const ProvisionFhirServiceCommandSchema = operationCommandSchema('fhirService');

/** Payload of the command. */
export type ProvisionFhirServiceCommand = z.infer<typeof ProvisionFhirServiceCommandSchema>;
