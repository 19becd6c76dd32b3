import {
  ClusterMetadata,
  ClusterMetadataRepository,
  ConcurrencyConflictError,
  DeploymentRequest,
  DeploymentResult,
  MappingRef,
  MappingStore,
  OperationDocument,
  OperationRepository,
  ResourceDeployer,
  WriteOptions,
} from '@iomt/domain';

const unused = (): never => {
  throw new Error('not used by the provisioners');
};

/** Operations in memory: the provisioners only read them. */
export class InMemoryOperations implements OperationRepository {
  readonly documents = new Map<string, OperationDocument>();

  seed(operation: OperationDocument): void {
    this.documents.set(operation.id, operation);
  }

  async get(subscriptionId: string, operationId: string): Promise<OperationDocument | undefined> {
    const operation = this.documents.get(operationId);
    return operation?.subscriptionId === subscriptionId ? operation : undefined;
  }

  createWithResource = unused;
  update = unused;
  listNonTerminal = unused;
  listRequestedBefore = unused;
  writeCompleted = unused;
}

/** Cluster metadata in memory, with `_etag`s and `ifMatch`. */
export class InMemoryClusters implements ClusterMetadataRepository {
  readonly regions = new Map<string, ClusterMetadata>();
  private version = 0;

  async getByRegion(regionName: string): Promise<ClusterMetadata | undefined> {
    return this.regions.get(regionName);
  }

  async upsert(metadata: ClusterMetadata, options: WriteOptions = {}): Promise<ClusterMetadata> {
    if (options.ifMatch !== undefined && this.regions.get(metadata.regionName)?._etag !== options.ifMatch) {
      throw new ConcurrencyConflictError(`cluster metadata of ${metadata.regionName} changed`);
    }
    this.version += 1;
    const stored = { ...metadata, _etag: `"${this.version}"` };
    this.regions.set(metadata.regionName, stored);
    return stored;
  }

  listRegions = unused;
}

/**
 * Deploys nothing: records requests, remembers finished deployment names (a deployment of a name
 * already finished is not run again, as ARM re-attaches) and fails when told to.
 */
export class RecordingDeployer implements ResourceDeployer {
  readonly deployments: DeploymentRequest[] = [];
  readonly finished = new Set<string>();
  readonly deletedGroups: string[] = [];
  /** The outputs a deployment returns. */
  outputsFor: (request: DeploymentRequest) => Record<string, unknown> = () => ({});
  /** Thrown by the next call to deploy or delete, then cleared. */
  nextFailure: Error | undefined;

  async deploy(request: DeploymentRequest): Promise<DeploymentResult> {
    this.throwPlannedFailure();
    if (!this.finished.has(request.deploymentName)) this.deployments.push(request);
    this.finished.add(request.deploymentName);
    return { deploymentName: request.deploymentName, outputs: this.outputsFor(request) };
  }

  async deleteResourceGroup(subscriptionId: string, resourceGroupName: string): Promise<void> {
    this.throwPlannedFailure();
    this.deletedGroups.push(`${subscriptionId}/${resourceGroupName}`);
  }

  private throwPlannedFailure(): void {
    const failure = this.nextFailure;
    this.nextFailure = undefined;
    if (failure !== undefined) throw failure;
  }
}

/** Mappings in memory, keyed `subscription/connector/type`. */
export class InMemoryMappingStore implements MappingStore {
  readonly blobs = new Map<string, string>();
  nextFailure: Error | undefined;

  async put(ref: MappingRef, content: string): Promise<void> {
    const failure = this.nextFailure;
    this.nextFailure = undefined;
    if (failure !== undefined) throw failure;
    this.blobs.set(`${ref.subscriptionId}/${ref.connectorId}/${ref.mappingType}`, content);
  }

  async get(ref: MappingRef): Promise<string | undefined> {
    return this.blobs.get(`${ref.subscriptionId}/${ref.connectorId}/${ref.mappingType}`);
  }

  async delete(ref: MappingRef): Promise<boolean> {
    return this.blobs.delete(`${ref.subscriptionId}/${ref.connectorId}/${ref.mappingType}`);
  }

  async deleteAll(subscriptionId: string, connectorId: string): Promise<number> {
    const keys = [...this.blobs.keys()].filter((key) => key.startsWith(`${subscriptionId}/${connectorId}/`));
    keys.forEach((key) => this.blobs.delete(key));
    return keys.length;
  }
}
