import { randomUUID } from 'node:crypto';
import { startLocalSystem, type LocalSystem } from '@iomt/launcher';
import { waitUntil } from './support/wait-until';


describe('startLocalSystem', () => {
  let system: LocalSystem;

  beforeAll(async () => {
    system = await startLocalSystem({ replicas: { 'operation-router': 2 } });
  });
  afterAll(async () => {
    await system?.stop();
  });

  it('runs every service as its own ready process on its own port', async () => {
    const names = system.services.all.map((i) => `${i.name}#${i.replica}`);
    expect(names).toEqual(['gateway#0', 'operation-router#0', 'operation-router#1', 'iomt-provisioner#0', 'fhir-provisioner#0', 'key-rotator#0']);
    expect(new Set(system.services.all.map((i) => i.port)).size).toBe(names.length);
    for (const instance of system.services.all) {
      expect((await fetch(`${instance.url}/readyz`)).status).toBe(200);
    }
  });

  it('carries a FHIR service create to Succeeded through the processes, with one router killed and restarted', async () => {
    await system.services.kill('operation-router', 0);
    const path = `/subscriptions/${randomUUID()}/resourceGroups/rg-smoke/providers/Microsoft.HealthcareApis/services/fhir-smoke`;
    const put = await fetch(`${system.gatewayUrl}${path}?api-version=2023-11-01`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ location: 'westus2', kind: 'fhir-R4' }),
    });
    expect(put.status).toBe(201);
    const state = await waitUntil('the FHIR service to reach a terminal provisioningState', async () => {
      const body = (await (await fetch(`${system.gatewayUrl}${path}?api-version=2023-11-01`)).json()) as { properties: { provisioningState: string } };
      return ['Succeeded', 'Failed', 'Canceled'].includes(body.properties.provisioningState) ? body.properties.provisioningState : undefined;
    });
    expect(state).toBe('Succeeded');

    await system.services.restart('operation-router', 0);
    expect((await fetch(`${system.services.instance('operation-router', 0).url}/readyz`)).status).toBe(200);
  });
});
