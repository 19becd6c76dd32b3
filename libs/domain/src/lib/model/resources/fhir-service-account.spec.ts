import { ValidationError } from '../../errors';
import { accountDocument, SUBSCRIPTION_ID } from '../test-support/document-samples';
import { LooseDocument, variantOf } from '../test-support/loose-document';
import { thrown } from '../test-support/thrown';
import { fhirServiceAccountCodec } from './fhir-service-account';
import { createFhirServiceAccount } from './resource-factories';
import { ResourceState } from './resource-state';

describe('createFhirServiceAccount', () => {
  it('fills the public API defaults and starts Accepted', () => {
    const account = createFhirServiceAccount({
      name: 'fhirservicename',
      subscriptionId: SUBSCRIPTION_ID,
      resourceGroupName: 'rg',
      location: 'westus2',
      kind: 'FHIR-R4',
    });
    expect(account).toMatchObject({
      type: 'account',
      kind: 'fhir-R4',
      providerNamespace: 'Microsoft.HealthcareApis',
      resourceTypeName: 'services',
      tags: {},
      state: ResourceState.Accepted,
      properties: {
        accessPolicies: [],
        cosmosDbConfiguration: { offerThroughput: 400 },
        authenticationConfiguration: { smartProxyEnabled: false },
        corsConfiguration: { origins: [], headers: [], methods: [], allowCredentials: false },
      },
    });
    expect(account.id).toMatch(/^[a-z0-9]{25}$/);
  });

  it('lists every problem of a bad request', () => {
    const error = thrown(() =>
      createFhirServiceAccount({
        name: '',
        subscriptionId: 'not-a-guid',
        resourceGroupName: 'rg',
        location: 'westus2',
        kind: 'dicom',
        properties: { cosmosDbConfiguration: { offerThroughput: 100 } },
      }),
    ) as ValidationError;
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.details.map((d) => d.target)).toEqual([
      'name',
      'subscriptionId',
      'kind',
      'properties.cosmosDbConfiguration.offerThroughput',
    ]);
  });
});

describe('FHIR service validation', () => {
  it('accepts the full sample', () => {
    expect(fhirServiceAccountCodec.validate(fhirServiceAccountCodec.fromDocument(accountDocument()))).toEqual([]);
  });

  it.each<[string, (doc: LooseDocument) => void, string, string]>([
    ['throughput over 10000', (d) => (d.properties.cosmosDbConfiguration.offerThroughput = 10001), 'properties.cosmosDbConfiguration.offerThroughput', 'must be at most 10000'],
    ['throughput under 400', (d) => (d.properties.cosmosDbConfiguration.offerThroughput = 399), 'properties.cosmosDbConfiguration.offerThroughput', 'must be at least 400'],
    ['a non-GUID access policy', (d) => (d.properties.accessPolicies = [{ objectId: 'bob' }]), 'properties.accessPolicies[0].objectId', 'must be a GUID'],
    ['an authority that is not a URL', (d) => (d.properties.authenticationConfiguration.authority = 'login'), 'properties.authenticationConfiguration.authority', 'must be an absolute URL'],
    ['a smart proxy flag that is a string', (d) => (d.properties.authenticationConfiguration.smartProxyEnabled = 'yes'), 'properties.authenticationConfiguration.smartProxyEnabled', 'must be a boolean'],
    ['a CORS origin with a path', (d) => (d.properties.corsConfiguration.origins = ['https://a.com/path']), 'properties.corsConfiguration.origins[0]', 'must be "*" or http(s)://host[:port]'],
    ['a CORS max age over 99999', (d) => (d.properties.corsConfiguration.maxAge = 100000), 'properties.corsConfiguration.maxAge', 'must be at most 99999'],
    ['credentials with a wildcard origin', (d) => Object.assign(d.properties.corsConfiguration, { origins: ['*'], allowCredentials: true }), 'properties.corsConfiguration.allowCredentials', 'must be false when origins contains "*"'],
    ['an unknown identity type', (d) => (d.identity.type = 'UserAssigned'), 'identity.type', 'must be one of None, SystemAssigned'],
    ['an unknown kind', (d) => (d.kind = 'fhir-R5'), 'kind', 'must be one of fhir, fhir-Stu3, fhir-R4'],
    ['a bad tag', (d) => (d.tags = { 'a<b': 'x' }), 'tags["a<b"]', 'tag name must not contain <, >, %, &, \\, ? or /'],
    ['a bad resource group', (d) => (d.resourceGroupName = 'rg/x'), 'resourceGroupName', 'must be 1-90 letters, digits, "-", "_", ".", "(" or ")" and must not end with "."'],
    ['another resource type', (d) => (d.resourceTypeName = 'workspaces'), 'resourceTypeName', 'must be one of services'],
  ])('reports %s', (_case, change, path, message) => {
    expect(fhirServiceAccountCodec.validate(variantOf(accountDocument, change))).toEqual([{ path, message }]);
  });

  it('reads the kind and identity type ignoring case', () => {
    const account = fhirServiceAccountCodec.fromDocument(
      variantOf(accountDocument, (d) => {
        d.kind = 'FHIR-STU3';
        d.identity.type = 'systemassigned';
      }),
    );
    expect([account.kind, account.identity?.type]).toEqual(['fhir-Stu3', 'SystemAssigned']);
  });
});
