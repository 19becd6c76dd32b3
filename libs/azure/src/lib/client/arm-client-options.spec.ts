import { ResourceManagementClient } from '@azure/arm-resources';
import type { TokenCredential } from '@azure/core-auth';
import { bearerTokenAuthenticationPolicyName } from '@azure/core-rest-pipeline';
import { ValidationError } from '@iomt/domain';
import { parseAzureOptions } from '../config/azure.config';
import {
  createArmClientOptions,
  createAzureCredential,
  LOCAL_ARM_CREDENTIAL,
  prepareArmClient,
} from './arm-client-options';
import { ArmClients } from './arm-clients';

const production = parseAzureOptions({ retry: { maxRetries: 5 } });
const local = parseAzureOptions({
  mode: 'local',
  endpoint: 'http://127.0.0.1:7000',
  retry: { maxRetries: 1, retryDelayInMs: 1 },
});
const managedIdentity: TokenCredential = { getToken: async () => ({ token: 't', expiresOnTimestamp: 0 }) };
const SUBSCRIPTION = 'c243745d-50bb-48d1-9e62-3f72efb3166c';

const policyNames = (client: ResourceManagementClient) => client.pipeline.getOrderedPolicies().map((p) => p.name);

describe('createArmClientOptions', () => {
  it('production: the real endpoint over TLS with the configured retries', () => {
    expect(createArmClientOptions(production)).toEqual({
      endpoint: 'https://management.azure.com',
      allowInsecureConnection: false,
      retryOptions: { maxRetries: 5, retryDelayInMs: 1000, maxRetryDelayInMs: 64_000 },
      userAgentOptions: { userAgentPrefix: 'iomt-connector-rp' },
      additionalPolicies: [{ policy: expect.objectContaining({ name: 'iomtArmTracingPolicy' }), position: 'perRetry' }],
    });
  });

  it('local: the fake endpoint with insecure connections allowed', () => {
    expect(createArmClientOptions(local)).toMatchObject({
      endpoint: 'http://127.0.0.1:7000',
      allowInsecureConnection: true,
      retryOptions: { maxRetries: 1 },
    });
  });
});

describe('createAzureCredential', () => {
  it('uses the supplied credential in azure mode and refuses to start without one', () => {
    expect(createAzureCredential(production, managedIdentity)).toBe(managedIdentity);
    expect(() => createAzureCredential(production)).toThrow("Azure mode 'azure' needs a TokenCredential");
  });

  it('needs none in local mode', () => {
    expect(createAzureCredential(local)).toBe(LOCAL_ARM_CREDENTIAL);
  });
});

describe('prepareArmClient', () => {
  it('removes the bearer-token policy in local mode only, keeping the retry policy', () => {
    const client = (options: typeof local) =>
      prepareArmClient(
        new ResourceManagementClient(managedIdentity, SUBSCRIPTION, createArmClientOptions(options)),
        options,
      );
    const localPolicies = policyNames(client(local));
    const productionPolicies = policyNames(client(production));
    expect(productionPolicies).toContain(bearerTokenAuthenticationPolicyName);
    expect(localPolicies).not.toContain(bearerTokenAuthenticationPolicyName);
    expect(localPolicies).toContain('defaultRetryPolicy');
  });
});

describe('ArmClients', () => {
  it('keeps one client per SDK and subscription', () => {
    const clients = new ArmClients(local, LOCAL_ARM_CREDENTIAL);
    expect(clients.resources(SUBSCRIPTION)).toBe(clients.resources(SUBSCRIPTION.toUpperCase()));
    expect(clients.resources(SUBSCRIPTION)).not.toBe(clients.resources('00000000-0000-0000-0000-000000000001'));
    expect(policyNames(clients.resources(SUBSCRIPTION))).not.toContain(bearerTokenAuthenticationPolicyName);
  });

  it('refuses a malformed subscription id with InvalidSubscriptionId', () => {
    const clients = new ArmClients(local, LOCAL_ARM_CREDENTIAL);
    expect(() => clients.eventHubs('sub1')).toThrow(ValidationError);
    expect(() => clients.eventHubs('sub1')).toThrow(expect.objectContaining({ code: 'InvalidSubscriptionId' }));
  });
});
