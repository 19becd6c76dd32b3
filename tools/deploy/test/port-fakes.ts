import {
  ClusterMetadata,
  ClusterMetadataRepository,
  ConcurrencyConflictError,
  DeploymentRequest,
  DeploymentResult,
  ResourceDeployer,
  WriteOptions,
} from '@iomt/domain';

/** A small in-memory ClusterMetadataRepository with etags, for unit tests of the rollout. */
export class InMemoryClusterMetadata implements ClusterMetadataRepository {
  readonly documents = new Map<string, ClusterMetadata>();
  writes = 0;
  private version = 0;
  /** Runs before the next upsert (e.g. a provisioner bumping a counter concurrently). */
  beforeNextUpsert?: () => void;

  async getByRegion(regionName: string): Promise<ClusterMetadata | undefined> {
    return this.documents.get(regionName);
  }

  async listRegions() {
    return { items: [...this.documents.values()] };
  }

  async upsert(metadata: ClusterMetadata, options: WriteOptions = {}): Promise<ClusterMetadata> {
    const race = this.beforeNextUpsert;
    this.beforeNextUpsert = undefined;
    race?.();
    const current = this.documents.get(metadata.regionName);
    if (options.ifMatch !== undefined && current?._etag !== options.ifMatch)
      throw new ConcurrencyConflictError('stale etag');
    this.writes += 1;
    return this.put({ ...metadata });
  }

  /** Stores a document as another writer would, with a new etag. */
  put(metadata: ClusterMetadata): ClusterMetadata {
    const stored = { ...metadata, _etag: `"${++this.version}"` };
    this.documents.set(metadata.regionName, stored);
    return stored;
  }
}

/** A ResourceDeployer that records requests and answers the regional template's outputs. */
export class RecordingDeployer implements ResourceDeployer {
  readonly requests: DeploymentRequest[] = [];
  /** Deployment names (prefixes) that fail. */
  failing: string[] = [];

  async deploy(request: DeploymentRequest): Promise<DeploymentResult> {
    this.requests.push(request);
    if (this.failing.some((prefix) => request.deploymentName.startsWith(prefix)))
      throw new Error(`deployment ${request.deploymentName} failed`);
    const base = `/subscriptions/${request.subscriptionId}/resourceGroups/${request.resourceGroupName}/providers`;
    const parameters = request.parameters as {
      storageAccountName: string;
      appServicePlans: { name: string; monitoringAgentAppName: string }[];
    };
    return {
      deploymentName: request.deploymentName,
      outputs: {
        storageAccountId: `${base}/Microsoft.Storage/storageAccounts/${parameters.storageAccountName}`,
        appServicePlanIds: parameters.appServicePlans.map((p) => `${base}/Microsoft.Web/serverfarms/${p.name}`),
        monitoringAgentAppIds: parameters.appServicePlans.map(
          (p) => `${base}/Microsoft.Web/sites/${p.monitoringAgentAppName}`,
        ),
      },
    };
  }

  async deleteResourceGroup(): Promise<void> {
    throw new Error('the rollout never deletes resource groups');
  }
}
