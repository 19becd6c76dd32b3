import { ArmResourceDeployer } from '../src/lib/deployments/arm-resource.deployer';
import { fhirServiceDeploymentRequest } from '../src/lib/templates/fhir-service.deployment';
import {
  APP_SERVICE_PLAN_ID,
  INFRASTRUCTURE_SUBSCRIPTION_ID,
  sampleFhirServiceAccount,
} from '../src/lib/test-support/samples';
import { type AzureFixture, startAzureFixture } from './support/fake-arm.fixture';

const placement = {
  infrastructureSubscriptionId: INFRASTRUCTURE_SUBSCRIPTION_ID,
  appServicePlanId: APP_SERVICE_PLAN_ID,
};

describe('the FHIR service template against the fake ARM', () => {
  let fixture: AzureFixture;

  beforeEach(async () => {
    fixture = await startAzureFixture();
  });
  afterEach(() => fixture.stop());

  const account = (offerThroughput: number) =>
    sampleFhirServiceAccount({
      identity: { type: 'SystemAssigned' },
      properties: {
        cosmosDbConfiguration: { offerThroughput },
        authenticationConfiguration: { audience: 'https://fhir.example', smartProxyEnabled: true },
        corsConfiguration: { origins: ['https://app.example'] },
      },
    });

  it('deploys the database at the requested throughput and the server with its settings and identity', async () => {
    const deployer = new ArmResourceDeployer(fixture.clients);
    const result = await deployer.deploy(fhirServiceDeploymentRequest(account(1000), placement, 'op-provision'));
    const { fakeArm } = fixture;
    expect(fakeArm.resources('Microsoft.DocumentDB/databaseAccounts')).toHaveLength(1);
    expect(fakeArm.resources('Microsoft.DocumentDB/databaseAccounts/sqlDatabases')[0].properties).toMatchObject({
      options: { throughput: 1000 },
    });
    const [site] = fakeArm.resources('Microsoft.Web/sites');
    const principalId = (site.identity as { principalId: string }).principalId;
    expect(result.outputs).toMatchObject({
      principalId,
      webApp: { id: site.id, name: site.name, type: 'Microsoft.Web/sites' },
    });
    const settings = fakeArm.resources('Microsoft.Web/sites/config').find((c) => c.name === 'appsettings')?.properties;
    expect(settings).toMatchObject({
      FhirServer__Security__Authentication__Audience: 'https://fhir.example',
      FhirServer__Security__EnableAadSmartOnFhirProxy: 'true',
      FhirServer__Cors__Origins__0: 'https://app.example',
    });
  });

  it('a patch redeploys under its own name and changes the throughput in place', async () => {
    const deployer = new ArmResourceDeployer(fixture.clients);
    await deployer.deploy(fhirServiceDeploymentRequest(account(1000), placement, 'op-provision'));
    await deployer.deploy(fhirServiceDeploymentRequest(account(4000), placement, 'op-patch'));
    const [throughput] = fixture.fakeArm.resources(
      'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/throughputSettings',
    );
    expect(throughput.properties).toMatchObject({ resource: { throughput: 4000 } });
    expect(fixture.fakeArm.resources('Microsoft.DocumentDB/databaseAccounts')).toHaveLength(1);
    expect(
      fixture.fakeArm
        .deployments()
        .map((d) => d.name)
        .sort(),
    ).toEqual(['fhir-service-op-patch', 'fhir-service-op-provision']);
  });
});
