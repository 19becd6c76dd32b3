import type { Container, OperationInput, OperationResponse } from '@azure/cosmos';
import { ValidationError } from '@iomt/domain';
import { mapCosmosError, withCosmosErrors } from './cosmos-error.mapper';

/** Cosmos DB's limit of operations in one transactional batch. */
export const MAX_BATCH_OPERATIONS = 100;

/** 424 Failed Dependency: an operation that did not run because another one of its batch failed. */
const FAILED_DEPENDENCY = 424;

/**
 * Runs `operations` as one transactional batch in `partitionKey`: all apply or none. The
 * partition key is repeated on every operation (the local server reads it per operation).
 * @returns the per-operation responses, in order, when every operation succeeded.
 * @throws the domain error of the operation that failed (409 → ConflictError, 412 →
 *   ConcurrencyConflictError, ...); a ValidationError for an empty or too large batch.
 */
export async function executeBatch(
  container: Container,
  partitionKey: string,
  operations: readonly OperationInput[],
  action: string,
  signal?: AbortSignal,
): Promise<OperationResponse[]> {
  if (operations.length === 0 || operations.length > MAX_BATCH_OPERATIONS) {
    throw new ValidationError(
      `Could not ${action}: a transactional batch takes 1 to ${MAX_BATCH_OPERATIONS} documents, got ${operations.length}`,
    );
  }
  const withPartition = operations.map((operation) => ({ ...operation, partitionKey }) as OperationInput);
  const response = await withCosmosErrors(action, () => container.items.batch(withPartition, partitionKey, { abortSignal: signal }), signal);
  const results = response.result ?? [];
  const failed = results.find((result) => result.statusCode >= 400 && result.statusCode !== FAILED_DEPENDENCY);
  if (failed || results.length !== operations.length) {
    const status = failed?.statusCode ?? response.code ?? 500;
    throw mapCosmosError({ code: status, headers: response.headers }, action);
  }
  return results;
}
