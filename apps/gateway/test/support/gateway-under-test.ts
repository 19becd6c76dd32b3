import { randomUUID } from 'node:crypto';
import { INestApplication } from '@nestjs/common';
import { ClusterMetadataRepository, clusterMetadataCodec, DocumentType } from '@iomt/domain';
import { CosmosClusterMetadataRepository } from '@iomt/persistence';
import { createService } from '@iomt/service-kit';
import { LogCapture, resetServiceLoggerForTests } from '@iomt/service-kit/testing';
import request from 'supertest';
import { AppModule } from '../../src/app.module';
import { GATEWAY_SERVICE } from '../../src/config';
import { LocalStack, startLocalStack } from './local-stack';

/** The bearer token of the local stack's static mode in tests. */
export const LOCAL_TOKEN = 'gateway-test-token';

/** Regions the local stack deploys the provider in. */
export const LOCAL_REGIONS = ['westus2', 'northcentralus', 'uksouth'];

/** A running gateway on the real local stack. */
export interface GatewayUnderTest {
  readonly url: string;
  readonly app: INestApplication;
  readonly stack: LocalStack;
  readonly logs: LogCapture;
  /** A supertest agent on the gateway. */
  http(): ReturnType<typeof request>;
  stop(): Promise<void>;
}

/** Seeds the cluster metadata of `regions` (the regional-infrastructure issue's documents). */
export async function seedRegions(repository: ClusterMetadataRepository, regions: readonly string[]): Promise<void> {
  for (const regionName of regions) {
    await repository.upsert(clusterMetadataCodec.parse({ id: regionName, type: DocumentType.ClusterMetadata, regionName }));
  }
}

/** Starts the local stack, seeds its regions and starts the gateway (AppModule) on it. */
export async function startGateway(env: Readonly<Record<string, string>> = {}): Promise<GatewayUnderTest> {
  const stack = await startLocalStack();
  const containers = await stack.containers();
  await seedRegions(new CosmosClusterMetadataRepository(containers.clusterMetadata), LOCAL_REGIONS);
  resetServiceLoggerForTests();
  const logs = new LogCapture();
  const service = await createService(AppModule, {
    ...GATEWAY_SERVICE,
    env: { PORT: '0', LOCAL_ARM_TOKEN: LOCAL_TOKEN, LRO_RETRY_AFTER_SECONDS: '1', ...stack.env, ...env },
    logDestination: logs,
  });
  return {
    url: service.url,
    app: service.app,
    stack,
    logs,
    http: () => request(service.url),
    stop: async () => {
      await service.app.close();
      await stack.stop();
    },
  };
}

/** A new subscription id, so tests sharing a gateway do not see each other's resources. */
export function newSubscriptionId(): string {
  return randomUUID();
}
