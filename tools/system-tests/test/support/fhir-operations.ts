import { ArmClient, SERVICES_API_VERSION, type OperationStatusBody } from '../../src';
import { waitUntil } from './wait-until';

/** A FHIR service create the gateway accepted: its path, operation id and status URL. */
export interface AcceptedCreate {
  readonly subscriptionId: string;
  readonly name: string;
  readonly path: string;
  readonly operationId: string;
  readonly statusUrl: string;
}

/** The ARM path of a FHIR service. */
export function fhirServicePath(subscriptionId: string, name: string, resourceGroup = 'rg-system'): string {
  return `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}/providers/Microsoft.HealthcareApis/services/${name}`;
}

/** PUTs a new FHIR service and returns what the gateway's 201 named; throws on any other answer. */
export async function createFhirService(client: ArmClient, subscriptionId: string, name: string): Promise<AcceptedCreate> {
  const path = fhirServicePath(subscriptionId, name);
  const response = await client.put(path, SERVICES_API_VERSION, { location: 'westus2', kind: 'fhir-R4' });
  const statusUrl = response.headers.get('azure-asyncoperation');
  if (response.status !== 201 || statusUrl === null) throw new Error(`PUT ${path} answered ${response.status} without an Azure-AsyncOperation URL`);
  const operationId = new URL(statusUrl).pathname.split('/').at(-1) ?? '';
  return { subscriptionId, name, path, operationId, statusUrl };
}

/** Polls the operation's status URL until it is terminal; returns the last status body. */
export function terminalStatusOf(client: ArmClient, created: AcceptedCreate, timeoutMs = 120_000): Promise<OperationStatusBody> {
  return waitUntil(
    `operation ${created.operationId} of ${created.name} to end`,
    async () => {
      const { body } = await client.request<OperationStatusBody>('GET', created.statusUrl);
      return ['Succeeded', 'Failed', 'Canceled'].includes(body.status) ? body : undefined;
    },
    timeoutMs,
    100,
  );
}

/** The resource's provisioningState as the gateway answers it. */
export async function provisioningStateOf(client: ArmClient, created: AcceptedCreate): Promise<string | undefined> {
  const { body } = await client.get<{ properties?: { provisioningState?: string } }>(created.path, SERVICES_API_VERSION);
  return body.properties?.provisioningState;
}
