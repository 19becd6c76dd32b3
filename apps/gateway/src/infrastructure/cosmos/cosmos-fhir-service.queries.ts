import type { Container } from '@azure/cosmos';
import { DocumentType, FhirServiceAccount, fhirServiceAccountCodec, PagedResult, PageOptions, searchIndexValue } from '@iomt/domain';
import type { FhirServiceFilter, FhirServiceQueries } from '../../ports/fhir-service-queries.port';
import { queryRawPage } from './cosmos-page';

const NOT_DELETED = '(NOT IS_DEFINED(c.deleted) OR c.deleted = false)';

/** Live accounts of a subscription, by name (the partition key is in the WHERE clause: the local server ignores the option). */
export const FHIR_SERVICES_QUERY = `SELECT * FROM c WHERE c.partitionKey = @subscriptionId AND c.type = @type AND ${NOT_DELETED}`;
/** The same, in one resource group. */
export const FHIR_SERVICES_IN_GROUP_QUERY = `${FHIR_SERVICES_QUERY} AND c.searchIndex.ResourceGroupName = @resourceGroupName`;
const ORDER = ' ORDER BY c.searchIndex.Name';

/** {@link FhirServiceQueries} on the account registry container. */
export class CosmosFhirServiceQueries implements FhirServiceQueries {
  constructor(private readonly container: Container) {}

  async listFhirServices(subscriptionId: string, filter: FhirServiceFilter, page: PageOptions): Promise<PagedResult<FhirServiceAccount>> {
    const parameters = [
      { name: '@subscriptionId', value: subscriptionId },
      { name: '@type', value: DocumentType.Account },
      ...(filter.resourceGroupName === undefined ? [] : [{ name: '@resourceGroupName', value: searchIndexValue(filter.resourceGroupName) }]),
    ];
    const query = (filter.resourceGroupName === undefined ? FHIR_SERVICES_QUERY : FHIR_SERVICES_IN_GROUP_QUERY) + ORDER;
    const raw = await queryRawPage(this.container, { query, parameters }, subscriptionId, page, `list the FHIR services of ${subscriptionId}`);
    return {
      items: raw.documents.map((document) => fhirServiceAccountCodec.fromDocument(document)),
      ...(raw.continuationToken === undefined ? {} : { continuationToken: raw.continuationToken }),
    };
  }

}
