import { fhirServiceResourceNames, iomtConnectorResourceNames, iomtResourceGroupName } from './resource-names';
import { sampleConnector, sampleFhirServiceAccount } from '../test-support/samples';

/** Azure's naming rules for each resource (learn.microsoft.com "Naming rules and restrictions for Azure resources"). */
const RULES = {
  resourceGroup: /^[-\w.()]{1,90}$/,
  eventHubNamespace: /^[a-zA-Z][a-zA-Z0-9-]{4,48}[a-zA-Z0-9]$/,
  storageAccount: /^[a-z0-9]{3,24}$/,
  keyVault: /^[a-zA-Z](?!.*--)[a-zA-Z0-9-]{1,22}[a-zA-Z0-9]$/,
  streamAnalyticsJob: /^[a-zA-Z0-9_-]{3,63}$/,
  functionApp: /^[a-zA-Z0-9](?!.*--)[a-zA-Z0-9-]{0,58}[a-zA-Z0-9]$/,
  cosmosDbAccount: /^[a-z0-9][a-z0-9-]{1,42}[a-z0-9]$/,
  webApp: /^[a-zA-Z0-9][a-zA-Z0-9-]{0,58}[a-zA-Z0-9]$/,
} as const;

const longName = 'a'.repeat(24);

describe('iomtConnectorResourceNames', () => {
  it.each([
    ['short names', 'fhirsrv1', 'iomt1'],
    ['longest names (24 + 24)', longName, 'b'.repeat(24)],
    ['names starting with digits', '1fhir', '9iomt'],
    ['names with hyphens', 'my-fhir-srv', 'my--iomt-'],
  ])('follows every Azure naming rule for %s', (_, fhirName, connectorName) => {
    const names = iomtConnectorResourceNames(sampleConnector({ connectorName }, fhirName));
    for (const [kind, name] of Object.entries(names)) {
      expect({ kind, name, valid: RULES[kind as keyof typeof RULES].test(name) }).toEqual({ kind, name, valid: true });
    }
  });

  it('is deterministic and readable', () => {
    expect(iomtConnectorResourceNames(sampleConnector())).toEqual(iomtConnectorResourceNames(sampleConnector()));
    expect(iomtConnectorResourceNames(sampleConnector())).toMatchObject({
      resourceGroup: 'rg-iomt-fhirsrv1-iomt1',
      eventHubNamespace: expect.stringMatching(/^ehn-fhirsrv1-iomt1-[0-9a-f]{10}$/),
      storageAccount: expect.stringMatching(/^stfhirsrv1iomt[0-9a-f]{10}$/),
      keyVault: expect.stringMatching(/^kv-fhirsrv1-i-[0-9a-f]{10}$/),
      streamAnalyticsJob: expect.stringMatching(/^asa-fhirsrv1-iomt1-[0-9a-f]{10}$/),
      functionApp: expect.stringMatching(/^func-fhirsrv1-iomt1-[0-9a-f]{10}$/),
    });
  });

  it('gives a connector created again under the same name new global names, but the same resource group', () => {
    const first = iomtConnectorResourceNames(sampleConnector({ id: 'firstincarnation0000000000' }));
    const second = iomtConnectorResourceNames(sampleConnector({ id: 'secondincarnation000000000' }));
    expect(second.resourceGroup).toBe(first.resourceGroup);
    for (const key of ['eventHubNamespace', 'storageAccount', 'keyVault', 'functionApp'] as const)
      expect(second[key]).not.toBe(first[key]);
  });

  it('refuses a connector whose stored name is not {fhir}\\{connector}', () => {
    expect(() => iomtResourceGroupName({ name: 'no-parent' })).toThrow(
      expect.objectContaining({ code: 'InvalidResourceName' }),
    );
  });
});

describe('fhirServiceResourceNames', () => {
  it.each([['fhirsrv1'], [longName], ['0-x-0']])('follows the naming rules for %s', (name) => {
    const names = fhirServiceResourceNames(sampleFhirServiceAccount({ name }));
    for (const [kind, value] of Object.entries(names)) {
      expect({ kind, value, valid: RULES[kind as keyof typeof RULES].test(value) }).toEqual({
        kind,
        value,
        valid: true,
      });
    }
  });

  it('is deterministic per account document', () => {
    const account = sampleFhirServiceAccount();
    expect(fhirServiceResourceNames(account)).toEqual(fhirServiceResourceNames(sampleFhirServiceAccount()));
    expect(fhirServiceResourceNames(account).resourceGroup).toBe('rg-fhir-fhirsrv1');
    expect(fhirServiceResourceNames(sampleFhirServiceAccount({ id: 'other' })).cosmosDbAccount).not.toBe(
      fhirServiceResourceNames(account).cosmosDbAccount,
    );
  });
});
