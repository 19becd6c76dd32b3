import { DocumentType } from '../model/common/identifiers';
import type { FhirServiceAccount } from '../model';
import type { AccountRegistryReadRepository } from './account-registry-read-repository.port';
import type { CallOptions } from './call-options';

/**
 * The live FHIR service account with document id `accountId` (one point read), or undefined when
 * it is absent or soft-deleted. The read port has no "account by id": `getParentByChild` reads the
 * document a child's `parentId` names, so a child reference naming the account stands in for one.
 */
export async function readAccountById(
  registry: AccountRegistryReadRepository,
  subscriptionId: string,
  accountId: string,
  options?: CallOptions,
): Promise<FhirServiceAccount | undefined> {
  const child = { parentId: accountId, parentName: '', parentType: DocumentType.Account, type: '', name: accountId, subscriptionId };
  const entity = await (options === undefined ? registry.getParentByChild(child) : registry.getParentByChild(child, options));
  return entity?.type === DocumentType.Account ? entity : undefined;
}
