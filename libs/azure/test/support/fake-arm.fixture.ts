import type { DeploymentRequest, DeploymentResult, IomtConnector } from '@iomt/domain';
import { type FakeArm, type FakeArmFaults, startFakeArm } from '@iomt/local-stack';
import { createAzureCredential } from '../../src/lib/client/arm-client-options';
import { ArmClients } from '../../src/lib/client/arm-clients';
import { type AzureOptionsInput, parseAzureOptions } from '../../src/lib/config/azure.config';
import { ArmResourceDeployer } from '../../src/lib/deployments/arm-resource.deployer';
import { iomtConnectorDeploymentRequest } from '../../src/lib/templates/iomt-connector.deployment';
import { connectorWithDeployedResources } from '../../src/lib/templates/iomt-connector.outputs';
import {
  APP_SERVICE_PLAN_ID,
  INFRASTRUCTURE_SUBSCRIPTION_ID,
  OPERATION_ID,
  sampleConnector,
} from '../../src/lib/test-support/samples';

/** A fake ARM on an ephemeral port and this library's clients pointed at it (local mode, fast retries and polls). */
export interface AzureFixture {
  readonly fakeArm: FakeArm;
  readonly clients: ArmClients;
  stop(): Promise<void>;
}

/** Starts the fake ARM; `options` override the client settings (e.g. `retry.maxRetries`). */
export async function startAzureFixture(
  faults: Partial<FakeArmFaults> = {},
  options: Partial<AzureOptionsInput> = {},
): Promise<AzureFixture> {
  const fakeArm = await startFakeArm({ faults });
  const parsed = parseAzureOptions({
    mode: 'local',
    endpoint: fakeArm.endpoint,
    retry: { maxRetries: 3, retryDelayInMs: 1, maxRetryDelayInMs: 5 },
    pollIntervalMs: 1,
    ...options,
  });
  const clients = new ArmClients(parsed, createAzureCredential(parsed));
  return { fakeArm, clients, stop: () => fakeArm.stop() };
}

/** The sample connector's placement in the infrastructure subscription. */
export const PLACEMENT = {
  infrastructureSubscriptionId: INFRASTRUCTURE_SUBSCRIPTION_ID,
  location: 'westus2',
  appServicePlanId: APP_SERVICE_PLAN_ID,
};

/** A deployed connector: the request, the result and the connector with its resources recorded. */
export interface DeployedConnector {
  readonly request: DeploymentRequest;
  readonly result: DeploymentResult;
  readonly connector: IomtConnector;
}

/** Deploys the sample connector's template through {@link ArmResourceDeployer}, as the provisioner does. */
export async function deployConnector(fixture: AzureFixture, operationId = OPERATION_ID): Promise<DeployedConnector> {
  const connector = sampleConnector();
  const request = iomtConnectorDeploymentRequest({ connector, placement: PLACEMENT, operationId });
  const result = await new ArmResourceDeployer(fixture.clients).deploy(request);
  return { request, result, connector: connectorWithDeployedResources(connector, request, result) };
}

/** The fake's call log as `METHOD path` lines, optionally only those matching `pattern`. */
export function calls(fakeArm: FakeArm, pattern?: RegExp): string[] {
  return fakeArm
    .calls()
    .log.map((c) => `${c.method} ${c.path}${c.fault ? ` (${c.fault})` : ''}`)
    .filter((line) => !pattern || pattern.test(line));
}
