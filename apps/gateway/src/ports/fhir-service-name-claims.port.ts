/** Who holds (or asks for) a FHIR service name: the service's ARM names. */
export interface FhirServiceNameOwner {
  readonly subscriptionId: string;
  readonly resourceGroupName: string;
  readonly fhirServiceName: string;
}

/**
 * FHIR service names are DNS names (`{name}.azurehealthcareapis.com`), unique across every
 * subscription, and the fhir-provisioner's resource group (`rg-fhir-{name}`) is named after them.
 * One claim per lower-cased name, held by the service (ARM id) that created it for as long as a
 * live account (not soft-deleted, not Deprovisioned) has that ARM id: a claim whose holder is gone
 * is free again, so a crash between claim and admission never blocks a name for good.
 */
export interface FhirServiceNameClaims {
  /**
   * Claims `owner`'s name: a no-op when the same service (ARM id) already holds it, a takeover
   * when its holder is gone.
   * @returns true when this call wrote the claim (so {@link release} may undo it).
   * @throws ValidationError (400 `NameNotAvailable`) when a live service of another ARM id holds it.
   */
  claim(owner: FhirServiceNameOwner): Promise<boolean>;

  /** Gives the name up if `owner` holds it and no live service has its ARM id (after a refused admission). */
  release(owner: FhirServiceNameOwner): Promise<void>;

  /** True when a live service holds `name` (what checkNameAvailability answers from). */
  isHeld(name: string): Promise<boolean>;
}

/** DI token of {@link FhirServiceNameClaims}. */
export const FHIR_SERVICE_NAME_CLAIMS = Symbol('FHIR_SERVICE_NAME_CLAIMS');
