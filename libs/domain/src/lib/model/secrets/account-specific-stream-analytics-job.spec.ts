import { ValidationError } from '../../errors';
import { createFhirServiceAccount, createIomtConnector } from '../resources/resource-factories';
import { streamAnalyticsJobDocument, SUBSCRIPTION_ID } from '../test-support/document-samples';
import { LooseDocument, variantOf } from '../test-support/loose-document';
import {
  accountSpecificStreamAnalyticsJobCodec,
  createStreamAnalyticsJobSecretMetadata,
  streamAnalyticsJobSecretId,
} from './account-specific-stream-analytics-job';

const NOW = new Date('2020-02-18T10:00:00.000Z');
const account = createFhirServiceAccount({
  id: 'hlvtf8c5mk3fjreha6tjexqu7',
  name: 'fhirservicename',
  subscriptionId: SUBSCRIPTION_ID,
  resourceGroupName: 'rg-customer',
  location: 'westus2',
  kind: 'fhir-R4',
});
const connector = createIomtConnector(account, { id: 'connector-id-1', connectorName: 'connector1', location: 'westus2' });

describe('createStreamAnalyticsJobSecretMetadata', () => {
  it('makes a child of the connector on the primary key, never rotated', () => {
    expect(createStreamAnalyticsJobSecretMetadata(connector, NOW)).toEqual({
      id: 'connector-id-1-asajob',
      type: 'accountSpecificStreamAnalyticsJob',
      parentId: 'connector-id-1',
      parentName: 'fhirservicename\\connector1',
      parentType: 'iomtConnector',
      subscriptionId: SUBSCRIPTION_ID,
      name: 'fhirservicename\\connector1\\streamAnalyticsJob',
      resourceGroup: 'rg-customer',
      isUsingPrimaryKey: true,
      secretLastRotated: NOW.toISOString(),
      secretRotationCount: 0,
      forceRotation: false,
    });
    expect(streamAnalyticsJobSecretId('c1')).toBe('c1-asajob');
  });

  it('refuses a parent that is not a connector', () => {
    expect(() => createStreamAnalyticsJobSecretMetadata(account, NOW)).toThrow(ValidationError);
  });
});

describe('secret metadata validation', () => {
  it.each<[string, (doc: LooseDocument) => void, string, string]>([
    ['a negative rotation count', (d) => (d.secretRotationCount = -1), 'secretRotationCount', 'must be at least 0'],
    ['a missing slot flag', (d) => delete d.isUsingPrimaryKey, 'isUsingPrimaryKey', 'is required'],
    ['a slot flag that is a string', (d) => (d.isUsingPrimaryKey = 'primary'), 'isUsingPrimaryKey', 'must be a boolean'],
    ['a bad rotation time', (d) => (d.secretLastRotated = 'last week'), 'secretLastRotated', 'must be an ISO 8601 date-time with a time zone'],
    ['a name outside its connector', (d) => (d.name = 'fhirservicename\\other\\streamAnalyticsJob'), 'name', 'must be fhirservicename\\Connector1\\{name}: the parent\'s name, "\\" and the child\'s own non-empty name'],
    ['an account parent', (d) => (d.parentType = 'account'), 'parentType', 'must be one of iomtConnector'],
  ])('reports %s', (_case, change, path, message) => {
    expect(accountSpecificStreamAnalyticsJobCodec.validate(variantOf(streamAnalyticsJobDocument, change))).toEqual([
      { path, message },
    ]);
  });

  it('defaults a missing force flag to false', () => {
    const job = accountSpecificStreamAnalyticsJobCodec.fromDocument(
      variantOf(streamAnalyticsJobDocument, (d) => delete d.forceRotation),
    );
    expect(job.forceRotation).toBe(false);
  });
});
