import { resourceIdKey } from '@iomt/domain';
import { claimedResourceKey, nameBasedGuid, nameClaimIdOf } from './cosmos-name-claims';

describe('name claims', () => {
  it.each([
    // Python's uuid.uuid5(uuid.NAMESPACE_URL, name), the RFC 4122 algorithm.
    ['http://www.python.org', '5e077b6f-5fcc-5a59-b52a-0092db3520c3'],
  ])('derives the version 5 GUID of %s in the URL namespace', (name, guid) => {
    expect(nameBasedGuid(name)).toBe(guid);
  });

  it('gives one claim per resource whatever the casing, and different ones to a service and its connector', () => {
    const sub = '0b5a8c1e-4e8d-4f0e-9a59-2d3b7a1c9e01';
    const service = claimedResourceKey(sub, { resourceGroupName: 'RG', fhirServiceName: 'fhir1' });
    expect(service).toBe(resourceIdKey(`/subscriptions/${sub}/resourceGroups/RG/providers/Microsoft.HealthcareApis/services/fhir1`));
    expect(nameClaimIdOf(service)).toBe(nameClaimIdOf(claimedResourceKey(sub, { resourceGroupName: 'rg', fhirServiceName: 'FHIR1' })));
    const connector = claimedResourceKey(sub, { resourceGroupName: 'rg', fhirServiceName: 'fhir1', iomtConnectorName: 'conn1' });
    expect(connector).toBe(resourceIdKey(`/subscriptions/${sub}/resourceGroups/rg/providers/Microsoft.HealthcareApis/services/fhir1/iomtconnectors/Conn1`));
    expect(nameClaimIdOf(connector)).not.toBe(nameClaimIdOf(service));
    expect(nameClaimIdOf(service)).toMatch(/^nameclaim-[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
