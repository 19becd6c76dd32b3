import { buildStreamAnalyticsQuery, ValidationError } from '@iomt/domain';
import {
  APP_SERVICE_PLAN_ID,
  INFRASTRUCTURE_SUBSCRIPTION_ID,
  OPERATION_ID,
  sampleConnector,
} from '../test-support/samples';
import { resourceOfType, templateProblems } from '../test-support/template-structure';
import type { ArmTemplate } from './arm-template';
import { STREAM_ANALYTICS_INPUT_NAME, STREAM_ANALYTICS_OUTPUT_NAME } from './iomt-connector.constants';
import { iomtConnectorDeploymentRequest } from './iomt-connector.deployment';
import { IOMT_OUTPUTS, iomtConnectorTemplate } from './iomt-connector.template';
import { iomtConnectorResourceNames } from './resource-names';

const placement = {
  infrastructureSubscriptionId: INFRASTRUCTURE_SUBSCRIPTION_ID,
  location: 'West US 2',
  appServicePlanId: APP_SERVICE_PLAN_ID,
};
const request = () =>
  iomtConnectorDeploymentRequest({ connector: sampleConnector(), placement, operationId: OPERATION_ID });

describe('iomtConnectorTemplate', () => {
  const template = iomtConnectorTemplate();

  it('is a well-formed ARM template whose parameters the deployment request fills exactly', () => {
    expect(templateProblems(template, request().parameters)).toEqual([]);
    expect(JSON.parse(JSON.stringify(template))).toEqual(template);
  });

  it('declares the connector resources of iomt.md §1.2', () => {
    expect(template.resources.map((r) => r.type).sort()).toEqual([
      'Microsoft.Authorization/roleAssignments',
      'Microsoft.EventHub/namespaces',
      'Microsoft.EventHub/namespaces/eventhubs',
      'Microsoft.EventHub/namespaces/eventhubs',
      'Microsoft.EventHub/namespaces/eventhubs/authorizationRules',
      'Microsoft.EventHub/namespaces/eventhubs/authorizationRules',
      'Microsoft.EventHub/namespaces/eventhubs/authorizationRules',
      'Microsoft.KeyVault/vaults',
      'Microsoft.KeyVault/vaults/secrets',
      'Microsoft.Storage/storageAccounts',
      'Microsoft.Storage/storageAccounts/blobServices/containers',
      'Microsoft.StreamAnalytics/streamingjobs',
      'Microsoft.Web/sites',
      'Microsoft.Web/sites/config',
    ]);
  });

  it.each<[string, string | undefined, string[]]>([
    ['Microsoft.EventHub/namespaces/eventhubs', 'deviceEventHubName', ["[variables('namespaceId')]"]],
    ['Microsoft.Storage/storageAccounts/blobServices/containers', undefined, ["[variables('storageId')]"]],
    ['Microsoft.KeyVault/vaults/secrets', undefined, ["[variables('keyVaultId')]", "[variables('storageId')]"]],
    ['Microsoft.Authorization/roleAssignments', undefined, ["[variables('keyVaultId')]", "[variables('siteId')]"]],
  ])('%s (%s) depends on %j', (type, hint, dependsOn) => {
    expect(resourceOfType(template, type, hint).dependsOn).toEqual(dependsOn);
  });

  it('starts the Function App only once its secret, policies and Key Vault role exist', () => {
    const settings = resourceOfType(template, 'Microsoft.Web/sites/config');
    expect(settings.dependsOn).toEqual(
      expect.arrayContaining([
        "[variables('secretId')]",
        "[variables('deviceListenRuleId')]",
        "[variables('normalizedSendRuleId')]",
      ]),
    );
    expect(settings.dependsOn).toContain("[variables('secretsUserAssignmentId')]");
    expect(resourceOfType(template, 'Microsoft.Authorization/roleAssignments').name).toBe(
      "[variables('secretsUserAssignmentName')]",
    );
  });

  it('gives the Stream Analytics job the input and output names its query reads and writes', () => {
    const job = resourceOfType(template, 'Microsoft.StreamAnalytics/streamingjobs');
    const properties = job.properties as {
      inputs: { name: string }[];
      outputs: { name: string }[];
      transformation: { properties: { query: string } };
    };
    const query = buildStreamAnalyticsQuery(sampleConnector().streamAnalytics);
    expect(query).toContain(`[${STREAM_ANALYTICS_INPUT_NAME}]`);
    expect(query).toContain(`[${STREAM_ANALYTICS_OUTPUT_NAME}]`);
    expect(properties.inputs.map((i) => i.name)).toEqual([STREAM_ANALYTICS_INPUT_NAME]);
    expect(properties.outputs.map((o) => o.name)).toEqual([STREAM_ANALYTICS_OUTPUT_NAME]);
    expect(properties.transformation.properties.query).toBe("[parameters('streamAnalyticsQuery')]");
    expect(job.dependsOn).toContain("[variables('readerRuleId')]");
  });

  it('grants each consumer its own least-privilege policy', () => {
    const rules = template.resources.filter((r) => r.type.endsWith('/authorizationRules'));
    expect(rules.map((r) => [r.name, (r.properties as { rights: string[] }).rights])).toEqual([
      [expect.stringContaining("parameters('deviceEventHubName'), '/', 'normalizer'"), ['Listen']],
      [expect.stringContaining("parameters('normalizedEventHubName'), '/', 'writer'"), ['Send']],
      [expect.stringContaining("parameters('streamAnalyticsPolicyName')"), ['Listen']],
    ]);
  });

  it('outputs the id, name and type of every resource the provisioner records', () => {
    expect(Object.keys(template.outputs).sort()).toEqual(Object.values(IOMT_OUTPUTS).sort());
    expect(template.outputs[IOMT_OUTPUTS.keyVault]).toEqual({
      type: 'object',
      value: {
        id: "[variables('keyVaultId')]",
        name: "[parameters('keyVaultName')]",
        type: 'Microsoft.KeyVault/vaults',
      },
    });
  });

  it('takes no secret as a parameter: keys are read with listKeys() inside the deployment', () => {
    const types = Object.values(template.parameters).map((p) => p.type as string);
    expect(types).not.toContain('securestring');
    expect(JSON.stringify(request().parameters)).not.toMatch(/AccountKey=|SharedAccessKey=/);
    expect(JSON.stringify(template)).toContain('listKeys(');
  });
});

describe('iomtConnectorDeploymentRequest', () => {
  it('fills the template from the connector, its deterministic names and the placement', () => {
    const connector = sampleConnector();
    const names = iomtConnectorResourceNames(connector);
    const built = request();
    expect(built).toMatchObject({
      subscriptionId: INFRASTRUCTURE_SUBSCRIPTION_ID,
      resourceGroupName: 'rg-iomt-fhirsrv1-iomt1',
      location: 'westus2',
      deploymentName: `iomt-connector-${OPERATION_ID}`,
      tags: {
        iomtConnectorId: connector.id,
        iomtConnectorName: 'fhirsrv1/iomt1',
        customerSubscriptionId: connector.subscriptionId,
      },
    });
    expect(built.parameters).toMatchObject({
      eventHubNamespaceName: names.eventHubNamespace,
      deviceEventHubName: 'deviceinput',
      normalizedEventHubName: 'normalizeddeviceinput',
      streamAnalyticsPolicyName: 'reader',
      mappingContainerName: 'template',
      storageSecretName: 'blob-storage-cs',
      appServicePlanId: APP_SERVICE_PLAN_ID,
      fhirServiceUrl: 'https://fhirsrv1.azurehealthcareapis.com',
      resourceIdentityResolutionType: 'Lookup',
      streamingUnits: 1,
      throughputUnits: 1,
      streamAnalyticsQuery: buildStreamAnalyticsQuery(connector.streamAnalytics),
    });
    expect(built.template).toEqual(iomtConnectorTemplate() as ArmTemplate);
  });

  it.each([
    ['location', { ...placement, location: 'West US 2!' }, 'location'],
    ['subscription', { ...placement, infrastructureSubscriptionId: 'infra' }, 'subscriptionId'],
    ['plan id', { ...placement, appServicePlanId: '/subscriptions/x/plans/y' }, 'appServicePlanId'],
  ])('refuses a bad %s with a ValidationError naming it', (_, badPlacement, target) => {
    const build = () =>
      iomtConnectorDeploymentRequest({
        connector: sampleConnector(),
        placement: badPlacement,
        operationId: OPERATION_ID,
      });
    expect(build).toThrow(ValidationError);
    expect(build).toThrow(expect.objectContaining({ target }));
  });

  it('refuses an operation id that makes an invalid deployment name', () => {
    expect(() =>
      iomtConnectorDeploymentRequest({ connector: sampleConnector(), placement, operationId: 'a/b' }),
    ).toThrow(ValidationError);
  });
});
