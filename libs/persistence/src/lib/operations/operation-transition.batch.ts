import type { Container, JSONObject, OperationInput } from '@azure/cosmos';
import {
  completedOperationCodec,
  operationCodec,
  registryEntityToDocument,
  ValidationError,
  type CallOptions,
  type OperationTransition,
  type WrittenTransition,
} from '@iomt/domain';
import { withCosmosErrors } from '../cosmos/cosmos-error.mapper';
import { bodyOf, writeOptions } from '../cosmos/stored-documents';
import { executeBatch } from '../cosmos/transactional-batch';
import { decodeOperation } from './operation-documents';
import { registryEntityOf } from '../registry/cosmos-account-registry-management.repository';


/**
 * Writes an {@link OperationTransition}: the operation alone with a conditional replace (one
 * request, as `update`), or with its resource and archive record in one transactional batch of
 * the subscription's partition, the operation first so that a lost race on it reads as 412.
 */
export async function writeOperationTransition(
  container: Container,
  { operation, ifMatch, resource, completed }: OperationTransition,
  options: CallOptions = {},
): Promise<WrittenTransition> {
  if (ifMatch === '') throw new ValidationError('An operation is only updated against the ETag it was read with', { target: 'ifMatch' });
  const document = operationCodec.toDocument(operation);
  const action = `write operation ${operation.id} (${resource === undefined ? 'alone' : `with ${resource.entity.type} ${resource.entity.id}`})`;
  if (resource === undefined && completed === undefined) {
    const written = await withCosmosErrors(
      action,
      () => container.item(operation.id, document.partitionKey).replace(bodyOf(document), writeOptions(ifMatch, options.signal)),
      options.signal,
    );
    return { operation: decodeOperation(written.resource) };
  }
  const inputs: OperationInput[] = [{ operationType: 'Replace', id: operation.id, ifMatch, resourceBody: bodyOf(document) as JSONObject }];
  if (resource !== undefined) {
    const resourceDocument = registryEntityToDocument(resource.entity);
    inSamePartition(String(resourceDocument.partitionKey), document.partitionKey, 'resource');
    const body = bodyOf(resourceDocument) as JSONObject;
    inputs.push({ operationType: 'Replace', id: resource.entity.id, ifMatch: resource.ifMatch, resourceBody: body });
  }
  if (completed !== undefined) {
    const archive = completedOperationCodec.toDocument(completed);
    inSamePartition(archive.partitionKey, document.partitionKey, 'completed');
    inputs.push({ operationType: 'Create', resourceBody: bodyOf(archive) as JSONObject });
  }
  const [writtenOperation, writtenResource] = await executeBatch(container, document.partitionKey, inputs, action, options.signal);
  return {
    operation: decodeOperation(writtenOperation.resourceBody),
    ...(resource === undefined ? {} : { resource: registryEntityOf(writtenResource.resourceBody, action) }),
  };
}

function inSamePartition(partitionKey: string, operationPartitionKey: string, target: string): void {
  if (partitionKey !== operationPartitionKey) {
    throw new ValidationError('Documents written with an operation must be in its subscription', { target });
  }
}
