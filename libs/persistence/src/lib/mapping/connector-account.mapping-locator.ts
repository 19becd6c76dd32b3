import type { TokenCredential } from '@azure/core-auth';
import { AnonymousCredential, BlobServiceClient, StorageSharedKeyCredential } from '@azure/storage-blob';
import { AccountRegistryReadRepository, ConflictError, DocumentType, MappingRef, ResourceNotFoundError } from '@iomt/domain';
import { checkMappingRef, MappingBlobLocation, MappingLocator } from './mapping-locator';

/**
 * Each connector's own storage account, as the provisioner deployed it: the account named in the
 * connector's `storage.infrastructureResourceName`, container `storage.mappingContainer`
 * (`template`), blobs at its root where the connector's functions read them. The account URL is
 * `accountUrlTemplate` with `{account}` replaced (`https://{account}.blob.core.windows.net`).
 */
export class ConnectorAccountMappingLocator implements MappingLocator {
  private readonly clients = new Map<string, BlobServiceClient>();

  constructor(
    private readonly registry: Pick<AccountRegistryReadRepository, 'getChildResourceById'>,
    private readonly accountUrlTemplate: string,
    private readonly credential: TokenCredential | StorageSharedKeyCredential | AnonymousCredential,
  ) {}

  async locate(ref: Pick<MappingRef, 'subscriptionId' | 'connectorId'>, signal?: AbortSignal): Promise<MappingBlobLocation> {
    checkMappingRef(ref);
    const connector = await this.registry.getChildResourceById(ref.subscriptionId, ref.connectorId, DocumentType.IomtConnector, {
      signal,
    });
    if (connector === undefined) {
      throw new ResourceNotFoundError(`IoMT connector ${ref.connectorId} does not exist`, { target: 'connectorId' });
    }
    const account = connector.storage.infrastructureResourceName;
    if (account === undefined || !/^[a-z0-9]{3,24}$/.test(account)) {
      throw new ConflictError(`IoMT connector ${connector.name} has no storage account yet; its mappings cannot be stored`);
    }
    const url = this.accountUrlTemplate.replace('{account}', account);
    let client = this.clients.get(url);
    if (!client) {
      client = new BlobServiceClient(url, this.credential);
      this.clients.set(url, client);
    }
    const containerName = connector.storage.mappingContainer;
    return { container: client.getContainerClient(containerName), blobPrefix: '', description: `${account}/${containerName}` };
  }
}
