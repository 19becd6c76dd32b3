import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { createService } from '@iomt/service-kit';
import pino from 'pino';
import { AppModule } from '../src/app.module';
import { GATEWAY_SERVICE } from '../src/config';

const GATEWAY_MAIN = 'apps/gateway/src/main.ts';

/** A running gateway of the benchmark. */
export interface BenchGateway {
  readonly url: string;
  stop(): Promise<void>;
}

/** Where the gateway runs: its own Node process (as `npm start` and production run it) or the benchmark's. */
export type GatewayPlacement = 'own process' | 'bench process';

/** Starts the gateway with `env` where `placement` says; request logs are written as in production and dropped. */
export function startBenchGateway(placement: GatewayPlacement, env: Record<string, string>): Promise<BenchGateway> {
  return placement === 'own process' ? startGatewayProcess(env) : startGatewayInProcess(env);
}

async function startGatewayInProcess(env: Record<string, string>): Promise<BenchGateway> {
  const gateway = await createService(AppModule, { ...GATEWAY_SERVICE, env, logDestination: pino.destination('/dev/null') });
  return { url: gateway.url, stop: () => gateway.app.close() };
}

/**
 * Spawns `node -r @swc-node/register apps/gateway/src/main.ts` and resolves with its URL once it
 * logs that it listens. `BENCH_GATEWAY_PROFILE=1` writes its CPU profile to /tmp/gateway-profile.
 */
async function startGatewayProcess(env: Record<string, string>): Promise<BenchGateway> {
  const profile = process.env['BENCH_GATEWAY_PROFILE'] ? ['--cpu-prof', '--cpu-prof-dir=/tmp/gateway-profile'] : [];
  const child = spawn(process.execPath, [...profile, '-r', '@swc-node/register', GATEWAY_MAIN], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await listeningUrl(child);
  return {
    url,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    },
  };
}

function listeningUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    const onExit = (code: number | null) => reject(new Error(`the gateway exited with ${code} before listening`));
    child.once('exit', onExit);
    lines.on('line', (line) => {
      const match = /listening on (http:\/\/[^\s"]+)/.exec(line);
      if (match === null) return;
      child.off('exit', onExit);
      lines.close();
      // Its log lines are drained and dropped from here on, as a log shipper would take them.
      child.stdout!.resume();
      resolve(match[1]);
    });
  });
}
