import { parseArgs } from 'node:util';
import { startFakeArm } from './fake-arm-server';
import type { FakeArmFaults } from './faults';

const USAGE = 'usage: npm run fake-arm -- [--port <0-65535>] [--host <address>] [--faults <JSON fault settings>]';

/** `npm run fake-arm -- --port <port>`: prints the endpoint once listening; exits 0 on SIGTERM/SIGINT. */
async function main(): Promise<void> {
  const { port, host, faults } = parseCommandLine(process.argv.slice(2));
  const fakeArm = await startFakeArm({ port, host, faults });
  process.stdout.write(`Fake ARM listening on ${fakeArm.endpoint}\n`);
  let stopping = false;
  const shutdown = (): void => {
    if (stopping) return;
    stopping = true;
    fakeArm.stop().then(
      () => process.exit(0),
      (error: unknown) => fail(`stop failed: ${String(error)}`),
    );
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}

function parseCommandLine(args: string[]): { port: number; host: string; faults?: Partial<FakeArmFaults> } {
  let values: { port?: string; host?: string; faults?: string };
  try {
    values = parseArgs({
      args,
      options: { port: { type: 'string' }, host: { type: 'string' }, faults: { type: 'string' } },
    }).values;
  } catch (error) {
    return fail(`${(error as Error).message}\n${USAGE}`, 2);
  }
  const port = Number(values.port ?? '0');
  if (!/^\d+$/.test(values.port ?? '0') || port > 65535)
    fail(`--port must be a port number from 0 to 65535, got "${values.port}".\n${USAGE}`, 2);
  let faults: Partial<FakeArmFaults> | undefined;
  try {
    faults = values.faults === undefined ? undefined : JSON.parse(values.faults);
  } catch (error) {
    fail(`--faults must be JSON: ${(error as Error).message}\n${USAGE}`, 2);
  }
  return { port, host: values.host ?? '127.0.0.1', faults };
}

function fail(message: string, code = 1): never {
  process.stderr.write(`fake-arm: ${message}\n`);
  process.exit(code);
}

main().catch((error: unknown) => fail(error instanceof Error ? error.message : String(error)));
