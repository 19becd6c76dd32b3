import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { WORKSPACE_ROOT } from './child-run';

/**
 * `npm start` as a child process, its output collected; waits are bounded and driven by the
 * output and the exit event.
 */
export class NpmStart {
  output = '';
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  private readonly child: ChildProcess;
  private readonly waiters = new Set<() => void>();

  constructor(env: Readonly<Record<string, string>>) {
    this.child = spawn('npm', ['start'], { cwd: WORKSPACE_ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    const collect = (chunk: Buffer) => {
      this.output += chunk.toString();
      for (const wake of this.waiters) wake();
    };
    this.child.stdout?.on('data', collect);
    this.child.stderr?.on('data', collect);
    this.exited = new Promise((done) => this.child.on('exit', (code, signal) => done({ code, signal })));
    void this.exited.then(() => this.waiters.forEach((wake) => wake()));
  }

  get pid(): number {
    return this.child.pid ?? -1;
  }

  /** Resolves with the first match of `pattern` in the output; rejects on exit or after `timeoutMs`. */
  waitFor(pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => finish(new Error(`npm start printed nothing matching ${pattern} in ${timeoutMs} ms:\n${this.output}`)), timeoutMs);
      const finish = (error?: Error, match?: RegExpMatchArray) => {
        clearTimeout(timer);
        this.waiters.delete(check);
        if (match) resolve(match);
        else reject(error);
      };
      const check = () => {
        const match = this.output.match(pattern);
        if (match) finish(undefined, match);
        else if (this.child.exitCode !== null || this.child.signalCode !== null) finish(new Error(`npm start exited before printing ${pattern}:\n${this.output}`));
      };
      this.waiters.add(check);
      check();
    });
  }

  /** Sends a signal to npm itself (as a terminal's Ctrl-C reaches the foreground process). */
  signal(signal: NodeJS.Signals): void {
    this.child.kill(signal);
  }

  /** Resolves with the exit, or rejects after `timeoutMs`. */
  async exit(timeoutMs: number): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`npm start did not exit within ${timeoutMs} ms`)), timeoutMs)));
    try {
      return await Promise.race([this.exited, late]);
    } finally {
      clearTimeout(timer);
    }
  }
}

/** Every live descendant of `pid` (Linux /proc), zombies excluded. */
export function descendantsOf(pid: number): number[] {
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc').filter((e) => /^\d+$/.test(e))) {
    const stat = readStat(Number(entry));
    if (stat !== undefined && stat.state !== 'Z') parents.set(Number(entry), stat.ppid);
  }
  const found: number[] = [];
  const visit = (parent: number) => {
    for (const [child, ppid] of parents) {
      if (ppid !== parent || found.includes(child)) continue;
      found.push(child);
      visit(child);
    }
  };
  visit(pid);
  return found;
}

/** True while `pid` is a live (not zombie) process. */
export function isAlive(pid: number): boolean {
  const stat = readStat(pid);
  return stat !== undefined && stat.state !== 'Z';
}

function readStat(pid: number): { state: string; ppid: number } | undefined {
  try {
    // The command name (2nd field) is in parentheses and may hold spaces: read after the last ')'.
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const [state, ppid] = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { state, ppid: Number(ppid) };
  } catch {
    return undefined;
  }
}

/** True when `port` can be bound on 127.0.0.1 now. */
export function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen({ host: '127.0.0.1', port, exclusive: true }, () => probe.close(() => resolve(true)));
  });
}
