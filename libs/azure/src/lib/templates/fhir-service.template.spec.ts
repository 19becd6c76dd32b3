import { ValidationError } from '@iomt/domain';
import {
  APP_SERVICE_PLAN_ID,
  INFRASTRUCTURE_SUBSCRIPTION_ID,
  OPERATION_ID,
  sampleFhirServiceAccount,
} from '../test-support/samples';
import { resourceOfType, templateProblems } from '../test-support/template-structure';
import { fhirServerAppSettings, fhirServiceDeploymentRequest } from './fhir-service.deployment';
import { FHIR_OUTPUTS, fhirServiceTemplate } from './fhir-service.template';
import { fhirServiceResourceNames } from './resource-names';

const placement = {
  infrastructureSubscriptionId: INFRASTRUCTURE_SUBSCRIPTION_ID,
  appServicePlanId: APP_SERVICE_PLAN_ID,
};

const configured = () =>
  sampleFhirServiceAccount({
    identity: { type: 'SystemAssigned' },
    properties: {
      cosmosDbConfiguration: { offerThroughput: 1000 },
      authenticationConfiguration: {
        authority: 'https://login.microsoftonline.com/tenant1',
        audience: 'https://fhir.example',
        smartProxyEnabled: true,
      },
      corsConfiguration: {
        origins: ['https://app.example', 'https://b.example:8443'],
        methods: ['GET', 'POST'],
        headers: ['*'],
        maxAge: 600,
        allowCredentials: true,
      },
    },
  });

describe('fhirServiceTemplate', () => {
  const template = fhirServiceTemplate();

  it('is a well-formed ARM template whose parameters the deployment request fills exactly', () => {
    expect(
      templateProblems(template, fhirServiceDeploymentRequest(configured(), placement, OPERATION_ID).parameters),
    ).toEqual([]);
  });

  it('declares the Cosmos DB account, the database with its throughput and the FHIR server app', () => {
    expect(template.resources.map((r) => r.type)).toEqual([
      'Microsoft.DocumentDB/databaseAccounts',
      'Microsoft.DocumentDB/databaseAccounts/sqlDatabases',
      'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/throughputSettings',
      'Microsoft.Web/sites',
      'Microsoft.Web/sites/config',
      'Microsoft.Web/sites/config',
    ]);
    const database = resourceOfType(template, 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases');
    expect(database.properties).toMatchObject({ options: { throughput: "[parameters('offerThroughput')]" } });
    expect(resourceOfType(template, 'Microsoft.Web/sites').identity).toEqual({ type: "[parameters('identityType')]" });
    expect(Object.keys(template.outputs).sort()).toEqual(Object.values(FHIR_OUTPUTS).sort());
  });

  it('keeps the database key out of the parameters: the connection string is built with listKeys()', () => {
    const connection = resourceOfType(template, 'Microsoft.Web/sites/config', 'connectionstrings');
    expect(JSON.stringify(connection.properties)).toContain('listKeys(');
    expect(Object.values(template.parameters).map((p) => p.type as string)).not.toContain('securestring');
  });
});

describe('fhirServiceDeploymentRequest', () => {
  it('carries the throughput, identity and settings of the account', () => {
    const account = configured();
    const request = fhirServiceDeploymentRequest(account, placement, OPERATION_ID);
    const names = fhirServiceResourceNames(account);
    expect(request).toMatchObject({
      subscriptionId: INFRASTRUCTURE_SUBSCRIPTION_ID,
      resourceGroupName: names.resourceGroup,
      location: 'westus2',
      deploymentName: `fhir-service-${OPERATION_ID}`,
    });
    expect(request.parameters).toMatchObject({
      cosmosDbAccountName: names.cosmosDbAccount,
      webAppName: names.webApp,
      offerThroughput: 1000,
      identityType: 'SystemAssigned',
      keyVaultKeyUri: '',
    });
  });

  it('maps authentication, CORS and the SMART proxy to the FHIR server settings', () => {
    expect(fhirServerAppSettings(configured())).toEqual({
      FHIR_VERSION: 'R4',
      FhirServer__Security__Enabled: 'true',
      FhirServer__Security__Authentication__Authority: 'https://login.microsoftonline.com/tenant1',
      FhirServer__Security__Authentication__Audience: 'https://fhir.example',
      FhirServer__Security__EnableAadSmartOnFhirProxy: 'true',
      FhirServer__Cors__Origins__0: 'https://app.example',
      FhirServer__Cors__Origins__1: 'https://b.example:8443',
      FhirServer__Cors__Methods__0: 'GET',
      FhirServer__Cors__Methods__1: 'POST',
      FhirServer__Cors__Headers__0: '*',
      FhirServer__Cors__MaxAge: '600',
      FhirServer__Cors__AllowCredentials: 'true',
    });
  });

  it("defaults: the service's own audience, no identity, the API's 400 RU/s, STU3 for fhir-Stu3", () => {
    const account = sampleFhirServiceAccount({ kind: 'fhir-Stu3' });
    const request = fhirServiceDeploymentRequest(account, placement, OPERATION_ID);
    expect(request.parameters).toMatchObject({ offerThroughput: 400, identityType: 'None' });
    expect(fhirServerAppSettings(account)).toMatchObject({
      FHIR_VERSION: 'Stu3',
      FhirServer__Security__Authentication__Audience: 'https://fhirsrv1.azurehealthcareapis.com',
      FhirServer__Security__EnableAadSmartOnFhirProxy: 'false',
    });
    expect(Object.keys(fhirServerAppSettings(account))).not.toContain(
      'FhirServer__Security__Authentication__Authority',
    );
  });

  it('refuses a bad placement', () => {
    expect(() =>
      fhirServiceDeploymentRequest(configured(), { ...placement, appServicePlanId: 'plan' }, OPERATION_ID),
    ).toThrow(ValidationError);
    expect(() =>
      fhirServiceDeploymentRequest(configured(), { ...placement, infrastructureSubscriptionId: 'x' }, OPERATION_ID),
    ).toThrow(expect.objectContaining({ code: 'InvalidSubscriptionId' }));
  });
});
