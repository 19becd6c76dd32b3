import { ResourceManagementClient, type Deployment } from '@azure/arm-resources';
import type { Container } from '@azure/cosmos';
import type { ServiceBusReceivedMessage, ServiceBusSender } from '@azure/service-bus';
import { bearerTokenAuthenticationPolicyName } from '@azure/core-rest-pipeline';
import { randomUUID } from 'node:crypto';
import { fhirServiceDeploymentRequest } from '@iomt/azure';
import { createFhirServiceAccount } from '@iomt/domain';
import { FLOOR, floorContainer, floorCosmosClient, floorServiceBus, type FloorEnv } from './floor-env';
import { consumeSessions } from './floor-sessions';

const INFRASTRUCTURE_SUBSCRIPTION = '00000000-0000-0000-0000-00000000f100';
const PLAN_ID = `/subscriptions/${INFRASTRUCTURE_SUBSCRIPTION}/resourceGroups/rg-plans/providers/Microsoft.Web/serverfarms/plan-1`;

/**
 * The fhir-provisioner's unavoidable work per command: a point read of the account, the resource
 * group and the template deployment with the unmodified ARM SDK (the real FHIR template, the fake
 * ARM at zero latency), and the reply. Left out: the operation read, placement, validation,
 * progress, logging, tracing.
 */
export function runFloorWorker(env: FloorEnv, sessions: number): void {
  const container = floorContainer(floorCosmosClient(env));
  const client = floorServiceBus(env);
  const replies = client.createSender(FLOOR.repliesQueue);
  const arm = armClient(env);
  const template = fhirTemplate();
  consumeSessions(client, FLOOR.commandsQueue, sessions, (message) => deploy(container, arm, template, replies, message));
}

async function deploy(container: Container, arm: ResourceManagementClient, template: Deployment, replies: ServiceBusSender, message: ServiceBusReceivedMessage) {
  const { operationId, subscriptionId, accountId } = message.body as { operationId: string; subscriptionId: string; accountId: string };
  const { resource: account } = await container.item(accountId, subscriptionId).read();
  if (account === undefined) throw new Error(`account ${accountId} missing`);
  const resourceGroup = `rg-fhir-${account.id}`;
  await arm.resourceGroups.createOrUpdate(resourceGroup, { location: 'westus2' });
  await arm.deployments.beginCreateOrUpdateAndWait(resourceGroup, `${operationId}-fhir-service`, template, { updateIntervalInMs: 10 });
  await replies.sendMessages({ body: { ok: true, result: {} }, sessionId: message.replyToSessionId, correlationId: message.correlationId });
}

/** The SDK client on the fake ARM, as libs/azure makes it in local mode (no bearer token over plain http). */
function armClient(env: FloorEnv): ResourceManagementClient {
  const credential = { getToken: async () => ({ token: 'floor', expiresOnTimestamp: Date.now() + 3_600_000 }) };
  const client = new ResourceManagementClient(credential, INFRASTRUCTURE_SUBSCRIPTION, { endpoint: env.ARM_ENDPOINT, allowInsecureConnection: true });
  client.pipeline.removePolicy({ name: bearerTokenAuthenticationPolicyName });
  return client;
}

/** The fhir-provisioner's template for a sample account, built once (the floor deploys the same template each time). */
function fhirTemplate(): Deployment {
  const account = createFhirServiceAccount({ name: `floor-${randomUUID().slice(0, 8)}`, subscriptionId: randomUUID(), resourceGroupName: 'rg', location: 'westus2', kind: 'fhir-R4' });
  const request = fhirServiceDeploymentRequest(account, { infrastructureSubscriptionId: INFRASTRUCTURE_SUBSCRIPTION, appServicePlanId: PLAN_ID }, randomUUID());
  const parameters = Object.fromEntries(Object.entries(request.parameters).map(([name, value]) => [name, { value }]));
  return { properties: { mode: 'Incremental', template: request.template, parameters } };
}
