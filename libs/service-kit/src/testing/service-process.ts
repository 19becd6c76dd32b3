import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { LogLine } from './log-capture';

/** How a service process ended. */
export interface ProcessExit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

/**
 * A service started as a real process, the way `nx serve` starts it
 * (`node -r @swc-node/register <main.ts>` from the workspace root).
 */
export class ServiceProcess {
  /** stdout lines, parsed when they are JSON. */
  readonly stdout: Array<LogLine | string> = [];
  /** stderr lines, parsed when they are JSON. */
  readonly stderr: Array<LogLine | string> = [];
  /** Settles when the process has exited. */
  readonly exited: Promise<ProcessExit>;
  private readonly child: ChildProcess;
  private readonly listeners = new Set<() => void>();

  /** Spawns `entry` (relative to the workspace root) with exactly `env` plus PATH. */
  constructor(entry: string, env: Readonly<Record<string, string>>) {
    this.child = spawn(process.execPath, ['-r', '@swc-node/register', entry], {
      cwd: workspaceRoot(),
      env: { PATH: process.env['PATH'] ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    collectLines(this.child.stdout, this.stdout, () => this.notify());
    collectLines(this.child.stderr, this.stderr, () => this.notify());
    this.exited = new Promise((resolve) => this.child.once('exit', (code, signal) => resolve({ code, signal })));
    void this.exited.then(() => this.notify());
  }

  /** Sends a signal to the process. */
  kill(signal: NodeJS.Signals): void {
    this.child.kill(signal);
  }

  /**
   * Resolves with the first stdout/stderr JSON line matching `predicate`; rejects when the
   * process exits first or nothing matches within `timeoutMs`.
   */
  waitForLine(predicate: (line: LogLine) => boolean, timeoutMs = 20_000): Promise<LogLine> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => finish(() => reject(this.failure(`no matching line in ${timeoutMs} ms`))), timeoutMs);
      const finish = (settle: () => void) => {
        clearTimeout(timer);
        this.listeners.delete(check);
        settle();
      };
      const check = () => {
        const match = [...this.stdout, ...this.stderr].find((l): l is LogLine => typeof l === 'object' && predicate(l));
        if (match) finish(() => resolve(match));
        else if (this.child.exitCode !== null || this.child.signalCode !== null)
          finish(() => reject(this.failure('process exited first')));
      };
      this.listeners.add(check);
      check();
    });
  }

  /** Kills the process if it still runs (test cleanup) and waits for it to exit. */
  async stop(): Promise<ProcessExit> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
    return this.exited;
  }

  private notify(): void {
    for (const listener of [...this.listeners]) listener();
  }

  private failure(reason: string): Error {
    const output = [...this.stdout, ...this.stderr].map((l) => (typeof l === 'string' ? l : JSON.stringify(l)));
    return new Error(`${reason}; output:\n${output.join('\n')}`);
  }
}

function collectLines(stream: NodeJS.ReadableStream | null, into: Array<LogLine | string>, onLine: () => void): void {
  let pending = '';
  stream?.setEncoding('utf8');
  stream?.on('data', (chunk: string) => {
    const parts = (pending + chunk).split('\n');
    pending = parts.pop() ?? '';
    for (const part of parts.filter((p) => p.length > 0)) into.push(parseLine(part));
    onLine();
  });
}

function parseLine(line: string): LogLine | string {
  try {
    const value: unknown = JSON.parse(line);
    return typeof value === 'object' && value !== null ? (value as LogLine) : line;
  } catch {
    return line;
  }
}

/** The directory holding nx.json: where `nx serve` runs commands and tsconfig.json lives. */
export function workspaceRoot(from = __dirname): string {
  for (let dir = from; dir !== dirname(dir); dir = dirname(dir)) {
    if (existsSync(join(dir, 'nx.json'))) return dir;
  }
  throw new Error(`no nx.json above ${from}`);
}
