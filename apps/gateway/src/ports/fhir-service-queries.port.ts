import type { FhirServiceAccount, PagedResult, PageOptions } from '@iomt/domain';

/** Which FHIR services to list. */
export interface FhirServiceFilter {
  /** Only this resource group (matched ignoring case); the whole subscription when absent. */
  readonly resourceGroupName?: string;
}

/**
 * Lists of FHIR services, which the domain's registry ports do not offer (they read one account by
 * name). Live accounts only (not soft-deleted), in a stable order, one subscription partition.
 */
export interface FhirServiceQueries {
  listFhirServices(subscriptionId: string, filter: FhirServiceFilter, page: PageOptions): Promise<PagedResult<FhirServiceAccount>>;

}

/** DI token of {@link FhirServiceQueries}. */
export const FHIR_SERVICE_QUERIES = Symbol('FHIR_SERVICE_QUERIES');
