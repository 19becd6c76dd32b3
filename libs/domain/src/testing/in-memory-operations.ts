import type { OperationDocument, OperationRepository } from '../index';
import { notUsedByTheWorkers } from './not-used';

/** Operations in memory, for the workers' unit tests: the workers only read them; writes throw. */
export class InMemoryOperations implements OperationRepository {
  readonly documents = new Map<string, OperationDocument>();

  /** Stores `operation` as it is (as the gateway and router wrote it). */
  seed(operation: OperationDocument): void {
    this.documents.set(operation.id, operation);
  }

  async get(subscriptionId: string, operationId: string): Promise<OperationDocument | undefined> {
    const operation = this.documents.get(operationId);
    return operation?.subscriptionId === subscriptionId ? operation : undefined;
  }

  createWithResource = notUsedByTheWorkers;
  update = notUsedByTheWorkers;
  listNonTerminal = notUsedByTheWorkers;
  listRequestedBefore = notUsedByTheWorkers;
  writeCompleted = notUsedByTheWorkers;
  writeTransition = notUsedByTheWorkers;
}
