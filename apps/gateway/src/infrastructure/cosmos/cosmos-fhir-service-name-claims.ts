import type { Container, ItemDefinition } from '@azure/cosmos';
import { ConflictError, DocumentType, ResourceState, searchIndexValue, ValidationError } from '@iomt/domain';
import { withCosmosErrors } from '@iomt/persistence';
import type { FhirServiceNameClaims, FhirServiceNameOwner } from '../../ports/fhir-service-name-claims.port';
import { queryRawPage } from './cosmos-page';
import { nameBasedGuid } from './cosmos-name-claims';

/** Document type of a global FHIR service name claim. */
export const FHIR_NAME_CLAIM_TYPE = 'fhirServiceNameClaim';
/** The one partition every global name claim lives in: names are global, subscriptions are not. */
export const FHIR_NAME_CLAIM_PARTITION = 'fhirServiceNames';
/** ARM error code of a PUT whose service name another live service holds. */
export const NAME_NOT_AVAILABLE = 'NameNotAvailable';

interface ClaimDocument extends FhirServiceNameOwner, ItemDefinition {
  readonly id: string;
  readonly type: string;
  readonly partitionKey: string;
  /** The lower-cased ARM id of the holder, to compare owners by. */
  readonly resourceKey: string;
}

const LIVE_ACCOUNT_QUERY =
  'SELECT TOP 1 c.id FROM c WHERE c.partitionKey = @subscriptionId AND c.type = @type AND c.searchIndex.ResourceGroupName = @resourceGroupName ' +
  'AND c.searchIndex.Name = @name AND (NOT IS_DEFINED(c.deleted) OR c.deleted = false) AND c.state != @deprovisioned';

const claimIdOf = (name: string) => `fhirname-${nameBasedGuid(name.toLowerCase())}`;
const keyOf = (o: FhirServiceNameOwner) => `/subscriptions/${o.subscriptionId}/resourcegroups/${o.resourceGroupName}/services/${o.fhirServiceName}`.toLowerCase();
const kindOf = (error: unknown) => (error as { kind?: string }).kind;

/**
 * {@link FhirServiceNameClaims} on the account registry container: a claim is created (a 409 says
 * someone has it), and taken over from a holder that is gone with an ETag-conditional replace, so
 * two creations racing for one name never both win. Only creations and takeovers pay more than
 * one point write; a holder's liveness is one partition-scoped query of its subscription.
 */
export class CosmosFhirServiceNameClaims implements FhirServiceNameClaims {
  constructor(private readonly container: Container) {}

  async claim(owner: FhirServiceNameOwner): Promise<boolean> {
    const name = owner.fhirServiceName;
    const wanted: ClaimDocument = { id: claimIdOf(name), type: FHIR_NAME_CLAIM_TYPE, partitionKey: FHIR_NAME_CLAIM_PARTITION, resourceKey: keyOf(owner), ...owner };
    const created = await withCosmosErrors(`claim the FHIR service name ${name}`, () => this.container.items.create(wanted)).then(
      () => true,
      (error: unknown) => (kindOf(error) === 'conflict' ? false : Promise.reject(error)),
    );
    if (created) return true;
    const held = await this.read(name);
    if (held === undefined) return this.claim(owner);
    if (held.resourceKey === wanted.resourceKey) return false;
    if (await this.isLive(held)) throw notAvailable(name);
    await withCosmosErrors(`take over the FHIR service name ${name}`, () =>
      this.container.item(held.id, FHIR_NAME_CLAIM_PARTITION).replace(wanted, { accessCondition: { type: 'IfMatch', condition: held._etag ?? '*' } }),
    ).catch((error: unknown) => Promise.reject(kindOf(error) === 'preconditionFailed' ? lostRace(name) : error));
    return true;
  }

  async release(owner: FhirServiceNameOwner): Promise<void> {
    const held = await this.read(owner.fhirServiceName);
    if (held === undefined || held.resourceKey !== keyOf(owner) || (await this.isLive(held))) return;
    await withCosmosErrors(`release the FHIR service name ${owner.fhirServiceName}`, () =>
      this.container.item(held.id, FHIR_NAME_CLAIM_PARTITION).delete({ accessCondition: { type: 'IfMatch', condition: held._etag ?? '*' } }),
    ).catch((error: unknown) => (['notFound', 'preconditionFailed'].includes(kindOf(error) ?? '') ? undefined : Promise.reject(error)));
  }

  async isHeld(name: string): Promise<boolean> {
    const held = await this.read(name);
    return held !== undefined && (await this.isLive(held));
  }

  private async read(name: string): Promise<ClaimDocument | undefined> {
    const { resource } = await withCosmosErrors(`read the claim of FHIR service name ${name}`, () =>
      this.container.item(claimIdOf(name), FHIR_NAME_CLAIM_PARTITION).read<ClaimDocument>(),
    ).catch((error: unknown) => (kindOf(error) === 'notFound' ? { resource: undefined } : Promise.reject(error)));
    return resource ?? undefined;
  }

  /** A live account (not soft-deleted, not Deprovisioned) has the holder's ARM id. */
  private async isLive(held: FhirServiceNameOwner): Promise<boolean> {
    const parameters = [
      { name: '@subscriptionId', value: held.subscriptionId },
      { name: '@type', value: DocumentType.Account },
      { name: '@resourceGroupName', value: searchIndexValue(held.resourceGroupName) },
      { name: '@name', value: searchIndexValue(held.fhirServiceName) },
      { name: '@deprovisioned', value: ResourceState.Deprovisioned },
    ];
    const action = `look for the FHIR service holding the name ${held.fhirServiceName}`;
    const page = await queryRawPage(this.container, { query: LIVE_ACCOUNT_QUERY, parameters }, held.subscriptionId, { pageSize: 1 }, action);
    return page.documents.length > 0;
  }
}

/** Another request took over the claim first. */
function lostRace(name: string): ConflictError {
  return new ConflictError(`The FHIR service name '${name}' was claimed by another request meanwhile; retry.`, { target: 'name' });
}

function notAvailable(name: string): ValidationError {
  return new ValidationError(`Service name is not available: '${name}' is used by another FHIR service (names are unique across Azure).`, {
    code: NAME_NOT_AVAILABLE,
    target: 'name',
  });
}
