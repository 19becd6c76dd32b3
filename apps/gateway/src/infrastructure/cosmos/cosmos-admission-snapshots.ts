import type { Container, ItemDefinition } from '@azure/cosmos';
import {
  childResourceName,
  DocumentType,
  FhirServiceAccount,
  fhirServiceAccountCodec,
  IomtConnector,
  iomtConnectorCodec,
  operationCodec,
  OperationDocument,
  OperationStatus,
  searchIndexValue,
} from '@iomt/domain';
import type { AdmissionSnapshot, AdmissionSnapshots, SnapshotTarget } from '../../ports/admission-snapshot.port';
import type { SubscriptionRegistration } from '../../ports/subscription-registration.repository.port';
import { claimedResourceKey, NAME_CLAIM_TYPE, nameClaimIdOf } from './cosmos-name-claims';
import { queryRawPage } from './cosmos-page';
import { registrationDocumentIdOf, SUBSCRIPTION_REGISTRATION_TYPE, toRegistration } from './cosmos-subscription-registration.repository';

const NOT_DELETED = '(NOT IS_DEFINED(c.deleted) OR c.deleted = false)';
const PENDING = 'c.type = @operation AND c.provisioningStatus IN (@requested, @running)';
const ACCOUNT = 'c.type = @account AND c.searchIndex.ResourceGroupName = @resourceGroupName AND c.searchIndex.Name = @fhirServiceName';
const CONNECTOR = 'c.type = @connector AND c.searchIndex.ParentName = @fhirServiceName AND c.searchIndex.Name = @connectorName';
const REGISTRATION = 'c.type = @registration AND c.id = @registrationId';
const NAME_CLAIM = 'c.type = @nameClaim AND c.id = @nameClaimId';

/** The registration, unfinished operations and the account (and connector) of a write, in one query of the subscription's partition. */
export const ADMISSION_SNAPSHOT_QUERY =
  `SELECT * FROM c WHERE c.partitionKey = @subscriptionId AND ${NOT_DELETED} ` +
  `AND ((${PENDING}) OR (${ACCOUNT}) OR (${CONNECTOR}) OR (${REGISTRATION}) OR (${NAME_CLAIM}))`;

/** {@link AdmissionSnapshots} on the account registry container. */
export class CosmosAdmissionSnapshots implements AdmissionSnapshots {
  constructor(private readonly container: Container) {}

  async read(subscriptionId: string, target: SnapshotTarget): Promise<AdmissionSnapshot> {
    const connectorName = target.iomtConnectorName === undefined ? '' : childResourceName(target.fhirServiceName, target.iomtConnectorName);
    const parameters = [
      { name: '@subscriptionId', value: subscriptionId },
      { name: '@operation', value: DocumentType.Operation },
      { name: '@requested', value: OperationStatus.Requested },
      { name: '@running', value: OperationStatus.Running },
      { name: '@account', value: DocumentType.Account },
      { name: '@connector', value: DocumentType.IomtConnector },
      { name: '@resourceGroupName', value: searchIndexValue(target.resourceGroupName) },
      { name: '@fhirServiceName', value: searchIndexValue(target.fhirServiceName) },
      // An impossible name when no connector is asked for (search index values are never empty).
      { name: '@connectorName', value: searchIndexValue(connectorName) },
      { name: '@registration', value: SUBSCRIPTION_REGISTRATION_TYPE },
      { name: '@registrationId', value: registrationDocumentIdOf(subscriptionId) },
      { name: '@nameClaim', value: NAME_CLAIM_TYPE },
      { name: '@nameClaimId', value: nameClaimIdOf(claimedResourceKey(subscriptionId, target)) },
    ];
    const documents: unknown[] = [];
    let continuationToken: string | undefined;
    do {
      const page = await queryRawPage(this.container, { query: ADMISSION_SNAPSHOT_QUERY, parameters }, subscriptionId, { continuationToken, pageSize: 100 }, `read the admission snapshot of ${subscriptionId}`);
      documents.push(...page.documents);
      continuationToken = page.continuationToken;
    } while (continuationToken !== undefined);
    return snapshotOf(documents);
  }
}

function snapshotOf(documents: readonly unknown[]): AdmissionSnapshot {
  const pending: OperationDocument[] = [];
  const connectors: IomtConnector[] = [];
  let account: FhirServiceAccount | undefined;
  let registration: SubscriptionRegistration | undefined;
  let nameClaimEtag: string | undefined;
  for (const document of documents) {
    const type = (document as { type?: unknown }).type;
    if (type === NAME_CLAIM_TYPE) nameClaimEtag = (document as ItemDefinition)._etag;
    else if (type === SUBSCRIPTION_REGISTRATION_TYPE) registration = toRegistration(document as ItemDefinition);
    else if (type === DocumentType.Operation) pending.push(operationCodec.fromDocument(document));
    else if (type === DocumentType.Account) account = fhirServiceAccountCodec.fromDocument(document);
    else if (type === DocumentType.IomtConnector) connectors.push(iomtConnectorCodec.fromDocument(document));
  }
  pending.sort((a, b) => (a.timeEnqueued < b.timeEnqueued ? -1 : a.timeEnqueued > b.timeEnqueued ? 1 : 0));
  // Services of one name may exist in several resource groups: the connector is the one under this account.
  const connector = account === undefined ? undefined : connectors.find((candidate) => candidate.parentId === account?.id);
  return { pending, account, connector, registration, nameClaimEtag };
}
