import { startOperationAttempt } from '@iomt/domain';
import { CosmosAccountRegistryManagementRepository, CosmosOperationRepository } from '@iomt/persistence';
import { FakeAzureEffects } from './fake-azure-effects';
import type { LocalStack } from './local-stack';
import { applyOperationEffects } from './operation-effects';

/** What the router does when it starts an operation: Running (one more attempt), and its resource in the state that implies. */
export async function startAsTheRouterDoes(stack: LocalStack, subscriptionId: string, operationId: string): Promise<void> {
  const { accountRegistry } = await stack.containers();
  const operations = new CosmosOperationRepository(accountRegistry);
  const stored = await operations.get(subscriptionId, operationId);
  if (stored === undefined) throw new Error(`operation ${operationId} is not stored`);
  const running = await operations.update(startOperationAttempt(stored, new Date()), { ifMatch: stored._etag ?? '' });
  await applyOperationEffects(new CosmosAccountRegistryManagementRepository(accountRegistry, 60), running, new FakeAzureEffects(stack.arm.endpoint));
}
