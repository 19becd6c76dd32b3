import { BlobServiceClient, ContainerClient } from '@azure/storage-blob';
import { ErrorCode, GUID_PATTERN, MappingRef, STORAGE_DEFAULTS, ValidationError } from '@iomt/domain';

/** The blob container holding a connector's mappings, and the prefix of their blob names. */
export interface MappingBlobLocation {
  readonly container: ContainerClient;
  /** '' in the connector's own storage account; a folder per connector in a shared account. */
  readonly blobPrefix: string;
  /** Names the place in error messages (no secrets). */
  readonly description: string;
}

/** Finds where a connector's mappings are stored. */
export interface MappingLocator {
  locate(ref: Pick<MappingRef, 'subscriptionId' | 'connectorId'>, signal?: AbortSignal): Promise<MappingBlobLocation>;
}

/** A Cosmos document id: 1-255 characters, none of `/ \ ? #` (the connector id). */
const DOCUMENT_ID = /^[^/\\?#]{1,255}$/;

/** @throws ValidationError naming every malformed part of the reference. */
export function checkMappingRef(ref: Pick<MappingRef, 'subscriptionId' | 'connectorId'>): void {
  const details = [
    GUID_PATTERN.test(ref.subscriptionId) ? undefined : { target: 'subscriptionId', message: 'must be a GUID' },
    DOCUMENT_ID.test(ref.connectorId) ? undefined : { target: 'connectorId', message: 'must be a document id (no / \\ ? #)' },
  ]
    .filter((detail) => detail !== undefined)
    .map((detail) => ({ code: ErrorCode.InvalidParameter, ...detail }));
  if (details.length > 0) throw new ValidationError('The mapping reference is invalid', { details });
}

/**
 * One storage account for every connector (Azurite when running locally): the `template`
 * container holds a folder per connector, `{subscriptionId}/{connectorId}/`, so connectors never
 * overwrite each other. Needs no lookup of the connector.
 */
export class SharedAccountMappingLocator implements MappingLocator {
  private readonly container: ContainerClient;

  constructor(connectionString: string, containerName: string = STORAGE_DEFAULTS.mappingContainer) {
    this.container = BlobServiceClient.fromConnectionString(connectionString).getContainerClient(containerName);
  }

  async locate(ref: Pick<MappingRef, 'subscriptionId' | 'connectorId'>): Promise<MappingBlobLocation> {
    checkMappingRef(ref);
    const blobPrefix = `${ref.subscriptionId.toLowerCase()}/${ref.connectorId}/`;
    return { container: this.container, blobPrefix, description: `${this.container.containerName}/${blobPrefix}` };
  }
}
