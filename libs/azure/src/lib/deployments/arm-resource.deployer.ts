import { setTimeout as delay } from 'node:timers/promises';
import type { DeploymentExtended, ResourceManagementClient } from '@azure/arm-resources';
import { isRestError } from '@azure/core-rest-pipeline';
import {
  assertResourceGroupName,
  type CallOptions,
  type DeploymentRequest,
  type DeploymentResult,
  type ResourceDeployer,
  TransientError,
} from '@iomt/domain';
import type { ArmClients } from '../client/arm-clients';
import { mapArmError, mapDeploymentError, withArmErrors } from '../errors/arm-error.mapper';
import { isDeploymentActive, isNotFound } from '../errors/azure-errors';
import { checkDeploymentRequest, wrapParameters } from './deployment-request';
import { deploymentPhase, deploymentResultOf, outcomeOf } from './deployment-state';

/**
 * Deploys ARM templates with `@azure/arm-resources` (ARO-RP `DeployTemplate`): creates the
 * resource group when missing, deploys in Incremental mode and waits. A deployment of the same
 * name that already succeeded is re-attached (its outputs returned, nothing redeployed); one that
 * is still running is awaited, not restarted; one that failed is deployed again.
 */
export class ArmResourceDeployer implements ResourceDeployer {
  constructor(private readonly clients: ArmClients) {}

  async deploy(request: DeploymentRequest, options: CallOptions = {}): Promise<DeploymentResult> {
    checkDeploymentRequest(request);
    const { signal } = options;
    return withArmErrors(
      () => this.deployOrAttach(this.clients.resources(request.subscriptionId), request, signal),
      (error) => mapDeploymentError(error, request.deploymentName),
      signal,
    );
  }

  async deleteResourceGroup(
    subscriptionId: string,
    resourceGroupName: string,
    options: CallOptions = {},
  ): Promise<void> {
    assertResourceGroupName(resourceGroupName);
    const { signal } = options;
    await withArmErrors(
      async () => {
        try {
          await this.clients
            .resources(subscriptionId)
            .resourceGroups.beginDeleteAndWait(resourceGroupName, this.clients.lroOptions(signal));
        } catch (error) {
          if (!isNotFound(error)) throw error;
        }
      },
      (error) => mapArmError(error, `delete resource group '${resourceGroupName}'`),
      signal,
    );
  }

  private async deployOrAttach(
    arm: ResourceManagementClient,
    request: DeploymentRequest,
    signal?: AbortSignal,
  ): Promise<DeploymentResult> {
    const found = await findDeployment(arm, request, signal);
    if (found.deployment && deploymentPhase(found.deployment) === 'succeeded')
      return deploymentResultOf(request.deploymentName, found.deployment);
    if (found.deployment && deploymentPhase(found.deployment) === 'active')
      return this.awaitDeployment(arm, request, signal);
    if (found.group !== 'exists') await ensureResourceGroup(arm, request, found.group, signal);
    return this.createOrUpdate(arm, request, signal);
  }

  /**
   * PUTs the deployment. The SDK's `begin…` sends the PUT and polls its operation status once;
   * while it runs, the deployment itself is polled rather than the SDK's poller, which would poll
   * the status and then GET the deployment for its outputs: one request per poll instead of two
   * at the end (ARM answers 201 + `Azure-AsyncOperation` and finishes later).
   */
  private async createOrUpdate(
    arm: ResourceManagementClient,
    request: DeploymentRequest,
    signal?: AbortSignal,
  ): Promise<DeploymentResult> {
    const { resourceGroupName, deploymentName, template, parameters, tags } = request;
    const body = {
      properties: { mode: 'Incremental' as const, template, parameters: wrapParameters(parameters) },
      ...(tags ? { tags: { ...tags } } : {}),
    };
    try {
      const poller = await arm.deployments.beginCreateOrUpdate(
        resourceGroupName,
        deploymentName,
        body,
        this.clients.lroOptions(signal),
      );
      const deployment = poller.isDone() ? poller.getResult() : undefined;
      return deployment ? outcomeOf(request, deployment) : await this.awaitDeployment(arm, request, signal, true);
    } catch (error) {
      // Another worker started the same deployment between our read and our PUT.
      if (isDeploymentActive(error)) return this.awaitDeployment(arm, request, signal);
      if (isRestError(error) || signal?.aborted) throw error;
      // The poller reports a Failed deployment as a plain Error; the deployment holds the ARM error.
      const { deployment: finished } = await findDeployment(arm, request, signal);
      if (!finished) throw error;
      return deploymentPhase(finished) === 'active'
        ? this.awaitDeployment(arm, request, signal)
        : outcomeOf(request, finished);
    }
  }

  /**
   * Polls a running deployment until it ends (bounded by `maxDeploymentWaitMs`); `waitFirst`
   * when it was just polled.
   */
  private async awaitDeployment(
    arm: ResourceManagementClient,
    request: DeploymentRequest,
    signal?: AbortSignal,
    waitFirst = false,
  ): Promise<DeploymentResult> {
    const { pollIntervalMs, maxDeploymentWaitMs } = this.clients.options;
    const deadline = Date.now() + maxDeploymentWaitMs;
    if (waitFirst) await delay(pollIntervalMs, undefined, signal ? { signal } : {});
    for (;;) {
      const deployment = await arm.deployments.get(request.resourceGroupName, request.deploymentName, {
        abortSignal: signal,
      });
      if (deploymentPhase(deployment) !== 'active') return outcomeOf(request, deployment);
      if (Date.now() >= deadline) {
        throw new TransientError(
          `The deployment '${request.deploymentName}' is still running after ${maxDeploymentWaitMs} ms`,
          {
            target: request.deploymentName,
          },
        );
      }
      await delay(pollIntervalMs, undefined, signal ? { signal } : {});
    }
  }
}

/** What the read of a deployment tells: the deployment, or whether its resource group exists. */
interface FoundDeployment {
  readonly deployment?: DeploymentExtended;
  readonly group: 'exists' | 'missing' | 'unknown';
}

/**
 * Creates the group with the request's location and tags when it does not exist; an existing
 * group is left as it is (a PUT would replace its tags). The read of the deployment usually told
 * whether it exists; only when it did not is it asked (HEAD).
 */
async function ensureResourceGroup(
  arm: ResourceManagementClient,
  request: DeploymentRequest,
  group: 'missing' | 'unknown',
  signal?: AbortSignal,
): Promise<void> {
  if (group === 'unknown') {
    const { body: exists } = await arm.resourceGroups.checkExistence(request.resourceGroupName, { abortSignal: signal });
    if (exists) return;
  }
  await arm.resourceGroups.createOrUpdate(
    request.resourceGroupName,
    { location: request.location, tags: { ...(request.tags ?? {}) } },
    { abortSignal: signal },
  );
}

// ARM answers a read of a deployment in a missing group 404 ResourceGroupNotFound, and of a
// missing deployment in an existing group 404 DeploymentNotFound.
async function findDeployment(
  arm: ResourceManagementClient,
  request: DeploymentRequest,
  signal?: AbortSignal,
): Promise<FoundDeployment> {
  try {
    const deployment = await arm.deployments.get(request.resourceGroupName, request.deploymentName, { abortSignal: signal });
    return { deployment, group: 'exists' };
  } catch (error) {
    if (!isNotFound(error)) throw error;
    const code = isRestError(error) ? error.code : undefined;
    if (code === 'ResourceGroupNotFound') return { group: 'missing' };
    return { group: code === 'DeploymentNotFound' ? 'exists' : 'unknown' };
  }
}
