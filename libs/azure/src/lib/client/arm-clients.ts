import { EventHubManagementClient } from '@azure/arm-eventhub';
import { KeyVaultManagementClient } from '@azure/arm-keyvault';
import { ResourceManagementClient } from '@azure/arm-resources';
import { StorageManagementClient } from '@azure/arm-storage';
import { StreamAnalyticsManagementClient } from '@azure/arm-streamanalytics';
import type { TokenCredential } from '@azure/core-auth';
import { assertSubscriptionId } from '@iomt/domain';
import type { Pipeline } from '@azure/core-rest-pipeline';
import type { AzureOptions } from '../config/azure.config';
import { createArmClientOptions, prepareArmClient } from './arm-client-options';

type ClientConstructor<T> = new (credential: TokenCredential, subscriptionId: string, options: object) => T;

/**
 * The ARM clients of one connection, one per SDK and infrastructure subscription (HLC clients are
 * bound to a subscription), created on first use and kept: each holds a pipeline and sockets.
 */
export class ArmClients {
  private readonly cache = new Map<string, { readonly pipeline: Pipeline }>();

  constructor(
    readonly options: AzureOptions,
    private readonly credential: TokenCredential,
  ) {}

  resources(subscriptionId: string): ResourceManagementClient {
    return this.client(ResourceManagementClient, subscriptionId);
  }

  eventHubs(subscriptionId: string): EventHubManagementClient {
    return this.client(EventHubManagementClient, subscriptionId);
  }

  storage(subscriptionId: string): StorageManagementClient {
    return this.client(StorageManagementClient, subscriptionId);
  }

  streamAnalytics(subscriptionId: string): StreamAnalyticsManagementClient {
    return this.client(StreamAnalyticsManagementClient, subscriptionId);
  }

  keyVault(subscriptionId: string): KeyVaultManagementClient {
    return this.client(KeyVaultManagementClient, subscriptionId);
  }

  /** Long-running operation options: the configured first poll interval and the caller's signal. */
  lroOptions(signal?: AbortSignal): { updateIntervalInMs: number; abortSignal?: AbortSignal } {
    return { updateIntervalInMs: this.options.pollIntervalMs, ...(signal ? { abortSignal: signal } : {}) };
  }

  /** @throws ValidationError (`InvalidSubscriptionId`) for a malformed subscription id. */
  private client<T extends { readonly pipeline: Pipeline }>(type: ClientConstructor<T>, subscriptionId: string): T {
    assertSubscriptionId(subscriptionId);
    const key = `${type.name}/${subscriptionId.toLowerCase()}`;
    let client = this.cache.get(key) as T | undefined;
    if (!client) {
      client = prepareArmClient(
        new type(this.credential, subscriptionId, createArmClientOptions(this.options)),
        this.options,
      );
      this.cache.set(key, client);
    }
    return client;
  }
}
