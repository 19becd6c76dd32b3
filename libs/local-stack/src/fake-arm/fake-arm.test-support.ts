import { ResourceManagementClient } from '@azure/arm-resources';
import { EventHubManagementClient } from '@azure/arm-eventhub';
import { StorageManagementClient } from '@azure/arm-storage';
import { StreamAnalyticsManagementClient } from '@azure/arm-streamanalytics';
import { configureClientForFakeArm, fakeArmClientOptions, fakeArmCredential } from './client-options';
import { type FakeArm, type FakeArmOptions, startFakeArm } from './fake-arm-server';

/** The subscription the tests use; the fake accepts any. */
export const SUBSCRIPTION = '11111111-2222-3333-4444-555555555555';
/** Poll long-running operations without the SDK's default 2 s wait. */
export const FAST_POLL = { updateIntervalInMs: 1 } as const;

/** A fake ARM with the project's real SDK clients pointed at it. */
export interface FakeArmHarness {
  readonly fakeArm: FakeArm;
  readonly resources: ResourceManagementClient;
  readonly eventHubs: EventHubManagementClient;
  readonly storage: StorageManagementClient;
  readonly streamAnalytics: StreamAnalyticsManagementClient;
}

/** Starts a fake ARM and the clients; `retryOptions` override the clients' retry settings. */
export async function startHarness(
  options: FakeArmOptions = {},
  retryOptions?: { maxRetries?: number },
): Promise<FakeArmHarness> {
  const fakeArm = await startFakeArm(options);
  const clientOptions = fakeArmClientOptions(fakeArm.endpoint, retryOptions ? { retryOptions } : {});
  return {
    fakeArm,
    resources: configureClientForFakeArm(new ResourceManagementClient(fakeArmCredential, SUBSCRIPTION, clientOptions)),
    eventHubs: configureClientForFakeArm(new EventHubManagementClient(fakeArmCredential, SUBSCRIPTION, clientOptions)),
    storage: configureClientForFakeArm(new StorageManagementClient(fakeArmCredential, SUBSCRIPTION, clientOptions)),
    streamAnalytics: configureClientForFakeArm(
      new StreamAnalyticsManagementClient(fakeArmCredential, SUBSCRIPTION, clientOptions),
    ),
  };
}

/** Tests read response bodies freely and assert them with matchers. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type JsonBody = any;

/** Plain HTTP to the fake (control routes, raw requests); answers status, headers and parsed body. */
export async function http(endpoint: string, method: string, path: string, body?: unknown) {
  const response = await fetch(`${endpoint}${path}`, {
    method,
    ...(body === undefined
      ? {}
      : {
          body: typeof body === 'string' ? body : JSON.stringify(body),
          headers: { 'content-type': 'application/json' },
        }),
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: (text ? JSON.parse(text) : undefined) as JsonBody,
  };
}

/**
 * A connector template in the shape of iomt-fhir's (iomt.md §1.2): an Event Hubs namespace with
 * nested hubs and rules, a top-level child rule, a storage account with its `template`
 * container, and a Stream Analytics job whose input key comes from `listkeys()`.
 */
export function connectorTemplate() {
  const rule = (name: string, rights: string[]) => ({
    type: 'authorizationRules',
    apiVersion: '2017-04-01',
    name,
    properties: { rights },
  });
  return {
    $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
    contentVersion: '1.0.0.0',
    parameters: {
      serviceName: { type: 'string', minLength: 3, maxLength: 20 },
      jobWindowUnit: { type: 'string', defaultValue: 'MINUTE', allowedValues: ['SECOND', 'MINUTE', 'HOUR'] },
      throughputUnits: { type: 'int', defaultValue: 1, minValue: 1, maxValue: 20 },
      location: { type: 'string', defaultValue: '[resourceGroup().location]' },
    },
    variables: {
      namespaceName: "[concat(parameters('serviceName'), '-ns')]",
      storageName: "[toLower(replace(concat(parameters('serviceName'), 'sa'), '-', ''))]",
      readerRuleId:
        "[resourceId('Microsoft.EventHub/namespaces/eventhubs/authorizationRules', variables('namespaceName'), 'normalizeddata', 'reader')]",
    },
    resources: [
      {
        type: 'Microsoft.StreamAnalytics/streamingjobs',
        apiVersion: '2020-03-01',
        name: "[parameters('serviceName')]",
        location: "[parameters('location')]",
        dependsOn: ["[variables('readerRuleId')]"],
        properties: {
          sku: { name: 'Standard' },
          outputStartMode: 'JobStartTime',
          inputs: [
            {
              name: 'normalizeddata',
              properties: {
                type: 'Stream',
                datasource: {
                  type: 'Microsoft.ServiceBus/EventHub',
                  properties: {
                    serviceBusNamespace: "[variables('namespaceName')]",
                    eventHubName: 'normalizeddata',
                    sharedAccessPolicyName: 'reader',
                    sharedAccessPolicyKey: "[listkeys(variables('readerRuleId'), '2017-04-01').primaryKey]",
                  },
                },
                serialization: { type: 'Json', properties: { encoding: 'UTF8' } },
              },
            },
          ],
          transformation: {
            name: 'Transformation',
            properties: {
              streamingUnits: 1,
              query: "[concat('SELECT * FROM normalizeddata -- window ', parameters('jobWindowUnit'))]",
            },
          },
        },
      },
      {
        type: 'Microsoft.EventHub/namespaces',
        apiVersion: '2017-04-01',
        name: "[variables('namespaceName')]",
        location: "[parameters('location')]",
        sku: { name: 'Standard', tier: 'Standard', capacity: "[parameters('throughputUnits')]" },
        tags: { IomtFhirConnector: 'ResourceIdentity:Lookup' },
        resources: [
          {
            type: 'eventhubs',
            apiVersion: '2017-04-01',
            name: 'devicedata',
            properties: { partitionCount: 4 },
            resources: [rule('writer', ['Send'])],
          },
          { type: 'eventhubs', apiVersion: '2017-04-01', name: 'normalizeddata', properties: { partitionCount: 4 } },
        ],
      },
      {
        type: 'Microsoft.EventHub/namespaces/eventhubs/authorizationRules',
        apiVersion: '2017-04-01',
        name: "[concat(variables('namespaceName'), '/normalizeddata/reader')]",
        properties: { rights: ['Listen'] },
      },
      {
        type: 'Microsoft.Storage/storageAccounts',
        apiVersion: '2019-06-01',
        name: "[variables('storageName')]",
        location: "[parameters('location')]",
        kind: 'StorageV2',
        sku: { name: 'Standard_RAGRS' },
        properties: { supportsHttpsTrafficOnly: true },
      },
      {
        type: 'Microsoft.Storage/storageAccounts/blobServices/containers',
        apiVersion: '2019-06-01',
        name: "[concat(variables('storageName'), '/default/template')]",
        properties: { publicAccess: 'None' },
      },
    ],
    outputs: {
      eventHubHostName: { type: 'string', value: "[concat(variables('namespaceName'), '.servicebus.windows.net')]" },
      storageKey: {
        type: 'string',
        value:
          "[listKeys(resourceId('Microsoft.Storage/storageAccounts', variables('storageName')), '2019-06-01').keys[0].value]",
      },
    },
  };
}
