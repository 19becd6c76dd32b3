import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:net';
import { freePort } from '@iomt/launcher';
import { runCommand } from './support/child-run';
import { descendantsOf, isAlive, isPortFree, NpmStart } from './support/npm-start-process';

const PORT_SETTINGS = [
  'GATEWAY_PORT',
  'OPERATION_ROUTER_PORT',
  'IOMT_PROVISIONER_PORT',
  'FHIR_PROVISIONER_PORT',
  'KEY_ROTATOR_PORT',
  'SERVICEBUS_EMULATOR_PORT',
  'COSMOS_EMULATOR_PORT',
  'AZURITE_BLOB_PORT',
  'FAKE_ARM_PORT',
] as const;
const SERVICE_PORT_SETTINGS = PORT_SETTINGS.slice(0, 5);

/** A distinct free port for every setting. */
async function freePorts(): Promise<Record<(typeof PORT_SETTINGS)[number], number>> {
  const ports = new Set<number>();
  while (ports.size < PORT_SETTINGS.length) ports.add(await freePort('127.0.0.1'));
  const values = [...ports];
  return Object.fromEntries(PORT_SETTINGS.map((setting, i) => [setting, values[i]])) as Record<(typeof PORT_SETTINGS)[number], number>;
}

const asEnv = (ports: Record<string, number>) => Object.fromEntries(Object.entries(ports).map(([k, v]) => [k, String(v)]));

describe('npm start', () => {
  const token = randomBytes(16).toString('hex');
  let ports: Awaited<ReturnType<typeof freePorts>>;
  let npm: NpmStart;
  let gatewayUrl: string;
  let processesWhenReady: number[];

  beforeAll(async () => {
    ports = await freePorts();
    npm = new NpmStart({ ...asEnv(ports), LOCAL_ARM_TOKEN: token });
    gatewayUrl = (await npm.waitFor(/^Gateway: (http:\/\/\S+)\n/m, 150_000))[1];
    processesWhenReady = descendantsOf(npm.pid);
  });
  afterAll(async () => {
    if (npm !== undefined && isAlive(npm.pid)) {
      for (const pid of [...descendantsOf(npm.pid), npm.pid]) process.kill(pid, 'SIGKILL');
    }
  });

  it('prints the gateway URL on GATEWAY_PORT and the token once every service answers its readiness check', async () => {
    expect(gatewayUrl).toBe(`http://127.0.0.1:${ports.GATEWAY_PORT}`);
    // The token line follows the gateway line, possibly in a later chunk of output.
    expect((await npm.waitFor(/^Local ARM token: (\S+) /m, 10_000))[1]).toBe(token);
    for (const setting of SERVICE_PORT_SETTINGS) {
      expect((await fetch(`http://127.0.0.1:${ports[setting]}/readyz`)).status).toBe(200);
    }
    const beforeGateway = npm.output.slice(0, npm.output.indexOf('Gateway: '));
    expect(beforeGateway.match(/^\[local-stack\] .* started$/gm)).toHaveLength(5);
    expect(processesWhenReady.length).toBeGreaterThanOrEqual(6);
  });

  it('answers GET /healthz with 200', async () => {
    expect((await fetch(`${gatewayUrl}/healthz`)).status).toBe(200);
  });

  it('accepts a FHIR service PUT with the local token (201) and refuses one without it (401)', async () => {
    const url = `${gatewayUrl}/subscriptions/${randomUUID()}/resourceGroups/rg-start/providers/Microsoft.HealthcareApis/services/fhir-start?api-version=2023-11-01`;
    const body = JSON.stringify({ location: 'westus2', kind: 'fhir-R4' });
    const anonymous = await fetch(url, { method: 'PUT', headers: { 'content-type': 'application/json' }, body });
    expect(anonymous.status).toBe(401);
    expect(((await anonymous.json()) as { error: { code: string } }).error.code).toBe('AuthenticationFailed');
    const authorized = await fetch(url, { method: 'PUT', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body });
    expect(authorized.status).toBe(201);
  });

  it('runs npm run demo against it with the token to the end (exit 0), and stops it at the first step without the token (exit 1)', async () => {
    const demo = await runCommand('npm', ['run', 'demo'], { GATEWAY_URL: gatewayUrl, LOCAL_ARM_TOKEN: token });
    expect(demo.stdout).toMatch(/Done: all 13 steps passed/);
    expect(demo.code).toBe(0);
    const anonymous = await runCommand('npm', ['run', 'demo'], { GATEWAY_URL: gatewayUrl, LOCAL_ARM_TOKEN: '' });
    expect(anonymous.stdout).toMatch(/\[ 1\/13\] Create the FHIR service: FAILED .*answered 401 AuthenticationFailed/);
    expect(anonymous.code).toBe(1);
  });

  it('stops everything on SIGINT: exits 0, no process of its own left, every port free again', async () => {
    npm.signal('SIGINT');
    expect(await npm.exit(60_000)).toEqual({ code: 0, signal: null });
    expect(processesWhenReady.filter(isAlive)).toEqual([]);
    for (const setting of PORT_SETTINGS) {
      expect([setting, await isPortFree(ports[setting])]).toEqual([setting, true]);
    }
  });
});

describe('npm start with a port in use', () => {
  let blocker: Server;
  afterAll(async () => {
    await new Promise((done) => blocker?.close(done));
  });

  it('exits non-zero with an error naming GATEWAY_PORT, starting nothing', async () => {
    const ports = await freePorts();
    blocker = createServer();
    await new Promise<void>((listening) => blocker.listen({ host: '127.0.0.1', port: ports.GATEWAY_PORT }, listening));
    const npm = new NpmStart(asEnv(ports));
    const { code } = await npm.exit(60_000);
    expect(code).not.toBe(0);
    expect(npm.output).toMatch(new RegExp(`Port ${ports.GATEWAY_PORT} \\(GATEWAY_PORT\\) on 127\\.0\\.0\\.1 is already in use`));
    expect(npm.output).not.toContain('started');
    for (const setting of PORT_SETTINGS.filter((s) => s !== 'GATEWAY_PORT')) expect(await isPortFree(ports[setting])).toBe(true);
  });
});
