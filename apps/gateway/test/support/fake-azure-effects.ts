import type { IomtConnector } from '@iomt/domain';

const EVENT_HUB_API = '2024-01-01';
const RESOURCES_API = '2021-04-01';

/** What the real provisioners would deploy, done directly on the fake ARM (its generic resource routes). */
export class FakeAzureEffects {
  constructor(private readonly armEndpoint: string) {}

  /** The connector's Event Hubs namespace and device hub. */
  async provisionConnector(connector: IomtConnector): Promise<void> {
    const { infrastructureSubscriptionId: sub, infrastructureResourceGroupName: rg } = connector;
    await this.put(`/subscriptions/${sub}/resourcegroups/${rg}`, { location: connector.location }, RESOURCES_API);
    await this.put(this.namespaceId(connector), { location: connector.location, sku: { name: 'Standard' }, properties: {} });
    await this.put(`${this.namespaceId(connector)}/eventhubs/${connector.eventHub.deviceDataEventHubName}`, { properties: {} });
  }

  /** A connection's write-only policy on the device hub. */
  async createConnection(connector: IomtConnector, name: string): Promise<void> {
    await this.put(this.ruleId(connector, name), { properties: { rights: ['Send'] } });
  }

  async deleteConnection(connector: IomtConnector, name: string): Promise<void> {
    const response = await fetch(`${this.armEndpoint}${this.ruleId(connector, name)}?api-version=${EVENT_HUB_API}`, { method: 'DELETE' });
    await response.arrayBuffer();
  }

  private namespaceId(connector: IomtConnector): string {
    const { infrastructureSubscriptionId: sub, infrastructureResourceGroupName: rg } = connector;
    return `/subscriptions/${sub}/resourceGroups/${rg}/providers/Microsoft.EventHub/namespaces/${connector.eventHub.infrastructureResourceName}`;
  }

  private ruleId(connector: IomtConnector, name: string): string {
    return `${this.namespaceId(connector)}/eventhubs/${connector.eventHub.deviceDataEventHubName}/authorizationRules/${name}`;
  }

  private async put(id: string, body: unknown, apiVersion = EVENT_HUB_API): Promise<void> {
    const response = await fetch(`${this.armEndpoint}${id}?api-version=${apiVersion}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`fake ARM PUT ${id} answered ${response.status}: ${await response.text()}`);
  }
}
