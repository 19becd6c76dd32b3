import { z } from 'zod';
import { infrastructureResourceShape } from '../common/infrastructure';
import { guid, text } from '../validation/rules';

/** Seed defaults of {@link IomtFunctionAppResourceDefinition}. */
export const FUNCTION_APP_DEFAULTS = {
  fhirConversionFunctionName: 'MeasurementCollectionToFhir',
  deviceDataNormalizationFunctionName: 'NormalizeDeviceData',
} as const;

/** The connector's Function App (seed 004 `IomtFunctionAppResourceDefinition`). */
export const functionAppResourceDefinitionSchema = z.object({
  ...infrastructureResourceShape,
  /** The regional App Service plan hosting the app (seed 000: shared per region). */
  functionAppServicePlanId: text().optional(),
  fhirConversionFunctionName: text().default(FUNCTION_APP_DEFAULTS.fhirConversionFunctionName),
  deviceDataNormalizationFunctionName: text().default(FUNCTION_APP_DEFAULTS.deviceDataNormalizationFunctionName),
  /** Object id of the app's system-assigned identity. */
  managedIdentityObjectId: guid().optional(),
});

/** The connector's Function App: its plan, its two functions and its managed identity. */
export type IomtFunctionAppResourceDefinition = z.output<typeof functionAppResourceDefinitionSchema>;
