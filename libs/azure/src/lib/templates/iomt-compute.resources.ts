import { type ArmTemplateResource, expression, parameter, resourceIdOf, variable } from './arm-template';
import {
  IOMT_API_VERSIONS,
  MAPPING_BLOB_NAMES,
  P,
  STREAM_ANALYTICS_INPUT_NAME,
  STREAM_ANALYTICS_OUTPUT_NAME,
  V,
} from './iomt-connector.constants';

const SITE_TYPE = 'Microsoft.Web/sites';
const JOB_TYPE = 'Microsoft.StreamAnalytics/streamingjobs';

/** Resource-id variables of the Function App and the Stream Analytics job. */
export function computeVariables(): Record<string, string> {
  return {
    [V.siteId]: expression(resourceIdOf(SITE_TYPE, parameter(P.functionAppName))),
    [V.jobId]: expression(resourceIdOf(JOB_TYPE, parameter(P.streamAnalyticsJobName))),
  };
}

/** `listKeys(rule).primaryConnectionString`: resolved by ARM, never a parameter. */
const connectionStringOf = (ruleVariable: string) =>
  expression(`listKeys(${variable(ruleVariable)}, '${IOMT_API_VERSIONS.eventHub}').primaryConnectionString`);

/**
 * The Function App's settings (iomt.md §1.2): the hubs it reads and writes (connection strings
 * of its own policies, with `EntityPath`), its storage through a versionless Key Vault reference
 * (a rotated `blob-storage-cs` is picked up without redeploying), the mapping blobs and the FHIR
 * service. `__` separates configuration sections on every App Service OS.
 */
function appSettings(): Record<string, string> {
  return {
    FUNCTIONS_EXTENSION_VERSION: '~4',
    FUNCTIONS_WORKER_RUNTIME: 'dotnet',
    AzureWebJobsStorage: expression(
      `concat('@Microsoft.KeyVault(SecretUri=', reference(${variable(V.secretId)}).secretUri, ')')`,
    ),
    InputEventHub: connectionStringOf(V.deviceListenRuleId),
    OutputEventHub: connectionStringOf(V.normalizedSendRuleId),
    Template__Container: expression(parameter(P.mappingContainerName)),
    Template__DeviceContent: MAPPING_BLOB_NAMES.deviceMapping,
    Template__FhirMapping: MAPPING_BLOB_NAMES.fhirMapping,
    FhirService__Url: expression(parameter(P.fhirServiceUrl)),
    FhirService__Resource: expression(parameter(P.fhirServiceUrl)),
    FhirClient__UseManagedIdentity: 'true',
    ResourceIdentity__ResourceIdentityServiceType: expression(parameter(P.resourceIdentityResolutionType)),
  };
}

/** The Function App on the region's shared App Service plan, with a system-assigned identity. */
export function functionAppResources(): ArmTemplateResource[] {
  return [
    {
      type: SITE_TYPE,
      apiVersion: IOMT_API_VERSIONS.web,
      name: expression(parameter(P.functionAppName)),
      location: expression(parameter(P.location)),
      tags: expression(parameter(P.tags)),
      kind: 'functionapp',
      identity: { type: 'SystemAssigned' },
      properties: {
        serverFarmId: expression(parameter(P.appServicePlanId)),
        httpsOnly: true,
        siteConfig: { alwaysOn: true, ftpsState: 'Disabled', minTlsVersion: '1.2', use32BitWorkerProcess: false },
      },
    },
    {
      type: 'Microsoft.Web/sites/config',
      apiVersion: IOMT_API_VERSIONS.web,
      name: expression(`concat(${parameter(P.functionAppName)}, '/appsettings')`),
      dependsOn: [
        expression(variable(V.siteId)),
        expression(variable(V.secretId)),
        expression(variable(V.deviceListenRuleId)),
        expression(variable(V.normalizedSendRuleId)),
        // The identity must be able to read the secret before the host starts with these settings.
        expression(variable(V.secretsUserAssignmentId)),
      ],
      properties: appSettings(),
    },
  ];
}

/**
 * The Stream Analytics job (iomt.md §1.2-1.3): its query from the domain's
 * `buildStreamAnalyticsQuery`, the normalized hub as input (through the reader policy, whose
 * key rotation swaps), the FHIR conversion function as output. Created stopped: starting it is
 * a separate step.
 */
export function streamAnalyticsResources(): ArmTemplateResource[] {
  const input = {
    name: STREAM_ANALYTICS_INPUT_NAME,
    properties: {
      type: 'Stream',
      datasource: {
        type: 'Microsoft.ServiceBus/EventHub',
        properties: {
          serviceBusNamespace: expression(parameter(P.eventHubNamespaceName)),
          eventHubName: expression(parameter(P.normalizedEventHubName)),
          sharedAccessPolicyName: expression(parameter(P.streamAnalyticsPolicyName)),
          sharedAccessPolicyKey: expression(
            `listKeys(${variable(V.readerRuleId)}, '${IOMT_API_VERSIONS.eventHub}').primaryKey`,
          ),
          authenticationMode: 'ConnectionString',
        },
      },
      serialization: { type: 'Json', properties: { encoding: 'UTF8' } },
    },
  };
  const output = {
    name: STREAM_ANALYTICS_OUTPUT_NAME,
    properties: {
      datasource: {
        type: 'Microsoft.AzureFunction',
        properties: {
          functionAppName: expression(parameter(P.functionAppName)),
          functionName: expression(parameter(P.fhirConversionFunctionName)),
          apiKey: expression(
            `listKeys(concat(${variable(V.siteId)}, '/host/default'), '${IOMT_API_VERSIONS.web}').masterKey`,
          ),
          maxBatchCount: 100,
        },
      },
    },
  };
  return [
    {
      type: JOB_TYPE,
      apiVersion: IOMT_API_VERSIONS.streamAnalytics,
      name: expression(parameter(P.streamAnalyticsJobName)),
      location: expression(parameter(P.location)),
      tags: expression(parameter(P.tags)),
      dependsOn: [
        expression(variable(V.readerRuleId)),
        expression(`concat(${variable(V.siteId)}, '/config/appsettings')`),
      ],
      properties: {
        sku: { name: 'Standard' },
        compatibilityLevel: '1.2',
        eventsOutOfOrderPolicy: 'Adjust',
        eventsOutOfOrderMaxDelayInSeconds: 0,
        eventsLateArrivalMaxDelayInSeconds: 5,
        outputErrorPolicy: 'Stop',
        inputs: [input],
        outputs: [output],
        transformation: {
          name: 'Transformation',
          properties: {
            streamingUnits: expression(parameter(P.streamingUnits)),
            query: expression(parameter(P.streamAnalyticsQuery)),
          },
        },
      },
    },
  ];
}
