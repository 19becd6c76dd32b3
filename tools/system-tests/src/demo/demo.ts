import { randomUUID } from 'node:crypto';
import { ArmClient } from '../arm-client';
import { formatStep, LifecycleWalk, runWalk } from '../walk';

/** What the demo needs from its environment. */
export interface DemoSettings {
  readonly gatewayUrl: string;
  readonly token?: string;
}

/** GATEWAY_URL (default http://127.0.0.1:8080) and LOCAL_ARM_TOKEN. */
export function demoSettings(env: NodeJS.ProcessEnv): DemoSettings {
  const token = env['LOCAL_ARM_TOKEN'];
  return { gatewayUrl: env['GATEWAY_URL'] || 'http://127.0.0.1:8080', ...(token ? { token } : {}) };
}

/**
 * `npm run demo`: walks a FHIR service and an IoMT connector through their whole life on a running
 * system (`npm start`), printing each step and its outcome; resolves the exit code.
 */
export async function runDemo(settings: DemoSettings, print: (line: string) => void): Promise<number> {
  const health = await fetch(new URL('/healthz', settings.gatewayUrl)).then(
    (r) => r.status,
    (e: unknown) => String((e as { cause?: unknown }).cause ?? e),
  );
  if (health !== 200) {
    print(`The gateway at ${settings.gatewayUrl} does not answer (${health}): start the system with npm start, or set GATEWAY_URL.`);
    return 1;
  }
  const client = new ArmClient({ baseUrl: settings.gatewayUrl, token: settings.token });
  const suffix = randomUUID().slice(0, 8);
  const walk = new LifecycleWalk(client, {
    subscriptionId: randomUUID(),
    resourceGroup: 'rg-demo',
    fhirService: `demo-fhir-${suffix}`,
    connector: 'heart-rate',
    connection: 'devices',
    location: 'westus2',
  });
  const steps = walk.steps();
  print(`A FHIR service and an IoMT connector through their whole life, on ${settings.gatewayUrl}`);
  print(`  subscription ${walk.names.subscriptionId}, FHIR service ${walk.names.fhirService}, connector ${walk.names.connector}`);
  const started = performance.now();
  const passed = await runWalk(steps, (step) => print(formatStep(step, steps.length)));
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  print(passed ? `Done: all ${steps.length} steps passed in ${seconds} s.` : `Stopped: a step failed after ${seconds} s.`);
  return passed ? 0 : 1;
}
