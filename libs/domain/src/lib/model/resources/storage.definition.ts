import { z } from 'zod';
import { infrastructureResourceShape } from '../common/infrastructure';
import { storageContainerName } from '../validation/rules';

/** Seed defaults of {@link IomtStorageResourceDefinition}. */
export const STORAGE_DEFAULTS = { mappingContainer: 'template' } as const;

/** The connector's storage account (seed 004 `IomtStorageResourceDefinition`). */
export const storageResourceDefinitionSchema = z.object({
  ...infrastructureResourceShape,
  /** The blob container holding the device and FHIR mappings. */
  mappingContainer: storageContainerName().default(STORAGE_DEFAULTS.mappingContainer),
});

/** The connector's storage account and the container of its mappings. */
export type IomtStorageResourceDefinition = z.output<typeof storageResourceDefinitionSchema>;
