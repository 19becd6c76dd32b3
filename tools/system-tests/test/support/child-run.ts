import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

/** The workspace root, where `npm start` and the root scripts run. */
export const WORKSPACE_ROOT = resolve(__dirname, '../../../..');

/** How a child process ended and what it printed. */
export interface ChildRun {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a TypeScript entry point of the workspace to its end (killed after `timeoutMs`). */
export function runScript(file: string, env: Readonly<Record<string, string>>, timeoutMs = 120_000): Promise<ChildRun> {
  return runCommand(process.execPath, ['-r', '@swc-node/register', file], env, timeoutMs);
}

/** Runs a command in the workspace root to its end (killed after `timeoutMs`). */
export function runCommand(command: string, args: readonly string[], env: Readonly<Record<string, string>>, timeoutMs = 120_000): Promise<ChildRun> {
  const child = spawn(command, args, {
    cwd: WORKSPACE_ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  return new Promise((done, fail) => {
    child.on('error', fail);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      done({ code, signal, stdout, stderr });
    });
  });
}
