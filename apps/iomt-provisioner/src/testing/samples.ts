import {
  clusterMetadataCodec,
  ClusterMetadata,
  createFhirServiceAccount,
  createIomtConnector,
  DocumentType,
  FhirServiceAccount,
  IomtConnector,
  newConnectionOperation,
  newIomtConnectorOperation,
  newMappingOperation,
  OperationDocument,
  OperationStatus,
  OperationType,
} from '@iomt/domain';
import { HEART_RATE_DEVICE_MAPPING } from '@iomt/domain/testing';

export const SUBSCRIPTION_ID = '0f2e3a4b-5c6d-4e7f-8a9b-0c1d2e3f4a5b';
export const INFRA_SUBSCRIPTION_ID = 'c243745d-50bb-48d1-9e62-3f72efb3166c';
export const FULL_INFRA_SUBSCRIPTION_ID = '1d8c7b6a-5f4e-4d3c-9b2a-1f0e9d8c7b6a';
export const PLAN_ID = `/subscriptions/${INFRA_SUBSCRIPTION_ID}/resourceGroups/rg-plans/providers/Microsoft.Web/serverfarms/westus2-plan-1`;
export const NOW = new Date('2026-01-02T03:04:05.000Z');

/** A small valid device mapping (one JSONPath template producing `hr`). */
export const DEVICE_MAPPING = JSON.stringify(HEART_RATE_DEVICE_MAPPING);


/** A small valid FHIR mapping for {@link DEVICE_MAPPING}'s `heartrate`. */
export const FHIR_MAPPING = JSON.stringify({
  templateType: 'CollectionFhirTemplate',
  template: [
    {
      templateType: 'CodeValueFhir',
      template: {
        typeName: 'heartrate',
        periodInterval: 60,
        codes: [{ code: '8867-4', system: 'http://loinc.org' }],
        value: { valueType: 'Quantity', valueName: 'hr', unit: 'count/min' },
      },
    },
  ],
});

export function sampleAccount(name = 'fhirsrv'): FhirServiceAccount {
  return createFhirServiceAccount({
    name,
    subscriptionId: SUBSCRIPTION_ID,
    resourceGroupName: 'rg-customer',
    location: 'westus2',
    kind: 'fhir-R4',
  });
}

export function sampleConnector(account: FhirServiceAccount, name = 'conn1', mappings = true): IomtConnector {
  return createIomtConnector(account, {
    connectorName: name,
    location: 'westus2',
    ...(mappings ? { deviceMapping: DEVICE_MAPPING, fhirMapping: FHIR_MAPPING } : {}),
  });
}

function running<T extends OperationDocument>(operation: T): T {
  return { ...operation, provisioningStatus: OperationStatus.Running, attemptCount: 1 };
}

export function connectorOperation(connector: IomtConnector, type: OperationType): OperationDocument {
  return running(newIomtConnectorOperation(connector, type, { now: NOW }));
}

export function mappingOperation(connector: IomtConnector, mappingType: string, content: string): OperationDocument {
  return running(newMappingOperation(connector, mappingType, content, { now: NOW }));
}

export function connectionOperation(
  connector: IomtConnector,
  type: OperationType.CreateConnection | OperationType.DeleteConnection,
  name: string,
): OperationDocument {
  return running(newConnectionOperation(connector, type, name, { now: NOW }));
}

/** westus2 with one full subscription first, then one with room, and a plan with room in the latter. */
export function sampleRegion(): ClusterMetadata {
  return clusterMetadataCodec.parse({
    id: 'westus2',
    type: DocumentType.ClusterMetadata,
    regionName: 'westus2',
    infrastructureSubscriptions: [
      { subscriptionId: FULL_INFRA_SUBSCRIPTION_ID, maxResourceGroups: 1, resourceGroupCount: 1 },
      { subscriptionId: INFRA_SUBSCRIPTION_ID, maxResourceGroups: 100, resourceGroupCount: 3 },
    ],
    appServicePlans: [
      { resourceId: PLAN_ID, infrastructureSubscriptionId: INFRA_SUBSCRIPTION_ID, resourceGroupName: 'rg-plans', maxApps: 10, appCount: 2 },
    ],
  });
}

/** The ids of a command about `operation`, as the router sends them. */
export function commandFor(operation: OperationDocument, resourceId: string) {
  return { operationId: operation.id, subscriptionId: operation.subscriptionId, resourceId, attempt: 1 };
}

const SERVICE_ID = `/subscriptions/${SUBSCRIPTION_ID}/resourceGroups/rg-customer/providers/Microsoft.HealthcareApis/services/fhirsrv`;

/** ARM ids of the sample resources, as commands carry them. */
export const RESOURCE_IDS = {
  fhirService: SERVICE_ID,
  connector: `${SERVICE_ID}/iomtconnectors/conn1`,
  deviceMapping: `${SERVICE_ID}/iomtconnectors/conn1/mappings/deviceMapping`,
  fhirMapping: `${SERVICE_ID}/iomtconnectors/conn1/mappings/fhirMapping`,
  connection: `${SERVICE_ID}/iomtconnectors/conn1/connections/device1`,
} as const;
