import { CosmosClient } from '@azure/cosmos';
import { Agent } from 'node:https';
import { StackComponent } from './launcher';

/** The regions the local stack serves, as the seed's public preview did. */
export const LOCAL_REGIONS = ['westus2', 'northcentralus', 'uksouth'] as const;

/**
 * Opens the local regions against the fake ARM (the seed's Deploy-EnvironmentGroup) and writes
 * their cluster metadata to the Global DB, so the gateway's region allowlist and the connector
 * allocation work exactly as in Azure. Runs after the Cosmos server and the fake ARM.
 */
export function regionsComponent(): StackComponent {
  return {
    name: 'regions (West US 2, North Central US, UK South)',
    async start(env) {
      // Loaded here: the deployment tool pulls in the ARM SDK, which nothing else at start needs.
      const [{ createArmDeployer, openRegions }, { ensureGlobalDb, CosmosClusterMetadataRepository }] =
        await Promise.all([import('@iomt/deploy'), import('@iomt/persistence')]);
      const agent = new Agent({ rejectUnauthorized: false, keepAlive: true });
      const client = new CosmosClient({
        endpoint: env.COSMOS_ENDPOINT,
        key: env.COSMOS_KEY,
        agent,
        connectionPolicy: { enableEndpointDiscovery: false },
      });
      try {
        const { clusterMetadata } = await ensureGlobalDb(client, env.COSMOS_DATABASE ?? 'globaldb');
        await openRegions({
          deployer: createArmDeployer(env.ARM_ENDPOINT, process.env),
          clusterMetadata: new CosmosClusterMetadataRepository(clusterMetadata),
          environment: 'test',
          regions: [...LOCAL_REGIONS],
          armEndpoint: env.ARM_ENDPOINT,
        });
      } finally {
        client.dispose();
        agent.destroy();
      }
      return { env: {}, stop: async () => undefined };
    },
  };
}
