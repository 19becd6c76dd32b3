import { ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { resolve } from 'node:path';

/** One service of the system, run from source as its own process. */
export interface ServiceSpec {
  readonly name: string;
  readonly port: number;
  readonly env: NodeJS.ProcessEnv;
}

/** A running service process. */
export interface RunningService {
  readonly spec: ServiceSpec;
  readonly child: ChildProcess;
  readonly exited: Promise<number | null>;
}

const workspaceRoot = resolve(__dirname, '../../..');

/**
 * Starts `apps/<name>/src/main.ts` under @swc-node/register and copies each line it logs to
 * `onLine`, so the launcher can prefix it with the service's name.
 */
export function spawnService(spec: ServiceSpec, onLine: (name: string, line: string) => void): RunningService {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', `apps/${spec.name}/src/main.ts`], {
    cwd: workspaceRoot,
    env: { ...process.env, ...spec.env, PORT: String(spec.port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  for (const stream of [child.stdout, child.stderr]) {
    if (stream) createInterface({ input: stream }).on('line', (line) => onLine(spec.name, line));
  }
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  return { spec, child, exited };
}

/**
 * Polls `GET /readyz` until it answers 200, the process exits, or `timeoutMs` passes.
 * Polling is the readiness protocol here: the service has no other way to say it is ready.
 */
export async function waitUntilReady(service: RunningService, host: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exitCode: number | null | undefined;
  void service.exited.then((code) => (exitCode = code));
  while (Date.now() < deadline) {
    if (exitCode !== undefined) throw new Error(`${service.spec.name} exited with code ${exitCode} before it was ready`);
    if (await answersReady(host, service.spec.port)) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${service.spec.name} was not ready on port ${service.spec.port} after ${timeoutMs} ms`);
}

async function answersReady(host: string, port: number): Promise<boolean> {
  try {
    const response = await fetch(`http://${host}:${port}/readyz`, { signal: AbortSignal.timeout(1000) });
    return response.ok;
  } catch {
    return false;
  }
}

/** Sends SIGTERM and waits for the exit; SIGKILL after `graceMs`. */
export async function stopService(service: RunningService, graceMs: number): Promise<void> {
  if (service.child.exitCode !== null || service.child.signalCode !== null) return;
  service.child.kill('SIGTERM');
  const timer = setTimeout(() => service.child.kill('SIGKILL'), graceMs);
  await service.exited;
  clearTimeout(timer);
}
