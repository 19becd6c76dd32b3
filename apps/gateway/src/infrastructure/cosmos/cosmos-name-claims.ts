import { createHash } from 'node:crypto';
import type { SnapshotTarget } from '../../ports/admission-snapshot.port';

/** Document type of a name claim, in its subscription's partition. */
export const NAME_CLAIM_TYPE = 'resourceNameClaim';

/**
 * How long a claim outlives its last write. It only has to outlast the instant two creations of one
 * name race (later requests see the created resource itself), so it can expire.
 */
export const NAME_CLAIM_TTL_SECONDS = 24 * 60 * 60;

// The RFC 4122 URL namespace: the name hashed is the resource's lower-cased ARM id (a URL path).
const NAMESPACE = Buffer.from('6ba7b8119dad11d180b400c04fd430c8', 'hex');

/** A name-based (version 5, SHA-1) GUID of `name` (RFC 4122 §4.3): the same name always gives the same GUID. */
export function nameBasedGuid(name: string): string {
  const hash = createHash('sha1').update(NAMESPACE).update(name, 'utf8').digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The lower-cased ARM id (as `resourceIdKey` gives it) of the resource a write targets: the
 * connector when it names one, else the FHIR service.
 */
export function claimedResourceKey(subscriptionId: string, target: SnapshotTarget): string {
  const service = `/subscriptions/${subscriptionId}/resourceGroups/${target.resourceGroupName}/providers/Microsoft.HealthcareApis/services/${target.fhirServiceName}`;
  return (target.iomtConnectorName === undefined ? service : `${service}/iomtconnectors/${target.iomtConnectorName}`).toLowerCase();
}

/** The claim's document id: derived from the resource's lower-cased ARM id, so every creation of one name writes the same document. */
export const nameClaimIdOf = (resourceKey: string) => `nameclaim-${nameBasedGuid(resourceKey)}`;

/** The claim document a creation writes in its admission batch. */
export function nameClaimDocument(subscriptionId: string, resourceKey: string, resourceDocumentId: string) {
  return { id: nameClaimIdOf(resourceKey), type: NAME_CLAIM_TYPE, partitionKey: subscriptionId, resourceKey, resourceDocumentId, ttl: NAME_CLAIM_TTL_SECONDS };
}
