import type { CosmosClient } from '@azure/cosmos';
import type { ClusterMetadata } from '@iomt/domain';
import { CosmosServerHandle, FakeArm, startCosmosServer, startFakeArm } from '@iomt/local-stack';
import {
  CLUSTER_METADATA_CONTAINER,
  CosmosClusterMetadataRepository,
  createCosmosClient,
  globalDbOptionsSchema,
} from '@iomt/persistence';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createArmDeployer } from '../src/cli/arm-deployer.factory';
import { runCli } from '../src/cli/run-cli';

/** What one CLI run printed and returned. */
export interface CliRun {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

/** A fake ARM, a local Cosmos server and a settings directory, for one test file. */
export interface DeployHarness {
  readonly fakeArm: FakeArm;
  readonly cosmos: CosmosServerHandle;
  /** A client of the test's database (its own name, so files can share nothing). */
  readonly client: CosmosClient;
  readonly databaseName: string;
  readonly settingsDir: string;
  /** Runs the CLI in-process with the harness's endpoints, key and settings directory appended. */
  cli(...argv: string[]): Promise<CliRun>;
  /** The stored cluster metadata documents, as Cosmos holds them, in region order. */
  storedDocuments(): Promise<Record<string, unknown>[]>;
  /** The repository the provisioners would use on the same database. */
  clusterMetadata(): CosmosClusterMetadataRepository;
  /** Whether the test's database exists at all. */
  databaseExists(): Promise<boolean>;
  /** ARM requests that change something (PUT, PATCH, DELETE, and POSTs other than reads). */
  armWrites(): string[];
  stop(): Promise<void>;
}

/** Starts the servers on ephemeral loopback ports. */
export async function startDeployHarness(): Promise<DeployHarness> {
  const [fakeArm, cosmos] = await Promise.all([startFakeArm(), startCosmosServer()]);
  const databaseName = `deploy-${randomUUID().slice(0, 8)}`;
  const settingsDir = await mkdtemp(join(tmpdir(), 'iomt-deploy-settings-'));
  const client = createCosmosClient(
    globalDbOptionsSchema.parse({
      endpoint: cosmos.endpoint,
      key: cosmos.key,
      databaseName,
      tlsRejectUnauthorized: false,
    }),
  );
  const container = () => client.database(databaseName).container(CLUSTER_METADATA_CONTAINER.id);
  return {
    fakeArm,
    cosmos,
    client,
    databaseName,
    settingsDir,
    cli: async (...argv) => {
      const out: string[] = [];
      const err: string[] = [];
      const connection = [
        '--arm-endpoint',
        fakeArm.endpoint,
        '--cosmos-endpoint',
        cosmos.endpoint,
        '--cosmos-database',
        databaseName,
      ];
      const code = await runCli(
        [...argv, ...connection, '--cosmos-tls-verify', 'false', '--settings-dir', settingsDir],
        {
          env: { COSMOS_KEY: cosmos.key },
          out: (line) => out.push(line),
          err: (line) => err.push(line),
          createDeployer: (endpoint, env) => createArmDeployer(endpoint, env, { pollIntervalMs: 1 }),
        },
      );
      return { code, out: out.join('\n'), err: err.join('\n') };
    },
    storedDocuments: async () => {
      const { resources } = await container().items.query('SELECT * FROM c ORDER BY c.regionName').fetchAll();
      return resources;
    },
    clusterMetadata: () => new CosmosClusterMetadataRepository(container()),
    databaseExists: async () => {
      const { resources } = await client.databases.readAll().fetchAll();
      return resources.some((d) => d.id === databaseName);
    },
    armWrites: () =>
      fakeArm
        .calls()
        .log.filter((c) => c.method !== 'GET' && c.method !== 'HEAD')
        .map((c) => `${c.method} ${c.path}`),
    stop: async () => {
      client.dispose();
      await Promise.all([fakeArm.stop(), cosmos.stop(), rm(settingsDir, { recursive: true, force: true })]);
    },
  };
}

/** The metadata fields a deployment decides (drops Cosmos system properties and the etag). */
export function withoutSystemFields(document: Record<string, unknown>): Partial<ClusterMetadata> {
  return Object.fromEntries(
    Object.entries(document).filter(([key]) => !key.startsWith('_')),
  ) as Partial<ClusterMetadata>;
}
