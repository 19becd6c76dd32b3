import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { http } from './fake-arm.test-support';

const ROOT = join(__dirname, '../../../..');
const SCRIPT = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts['fake-arm'] as string;

/** Runs the `fake-arm` npm script's command with extra arguments. */
function runCli(args: string[]): ChildProcess {
  const [command, ...scriptArgs] = SCRIPT.split(' ');
  return spawn(command === 'node' ? process.execPath : command, [...scriptArgs, ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

async function firstLine(stream: NodeJS.ReadableStream): Promise<string> {
  const lines = createInterface({ input: stream });
  const [line] = (await once(lines, 'line')) as [string];
  lines.close();
  return line;
}

async function stderrAndExit(child: ChildProcess): Promise<{ code: number | null; stderr: string }> {
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const [code] = (await once(child, 'exit')) as [number | null];
  return { code, stderr };
}

describe('fake ARM CLI (npm run fake-arm)', () => {
  it('is the npm script fake-arm', () => {
    expect(SCRIPT).toBe('node -r @swc-node/register libs/local-stack/src/fake-arm/cli.ts');
  });

  it('prints the endpoint once listening, serves it, and exits 0 on SIGTERM', async () => {
    const child = runCli(['--port', '0', '--faults', '{"latencyMs":3}']);
    const exited = once(child, 'exit');

    const line = await firstLine(child.stdout!);
    const endpoint = /^Fake ARM listening on (http:\/\/127\.0\.0\.1:\d+)$/.exec(line)?.[1];
    const faults = await http(endpoint!, 'GET', '/_fake/faults');
    child.kill('SIGTERM');

    expect(faults).toMatchObject({ status: 200, body: { latencyMs: 3 } });
    expect((await exited)[0]).toBe(0);
  }, 30_000);

  it.each([
    [['--port', 'eighty'], 2, '--port must be a port number'],
    [['--verbose'], 2, "Unknown option '--verbose'"],
    [['--faults', '{oops'], 2, '--faults must be JSON'],
    [['--faults', '{"failureRate":3}'], 1, 'failureRate'],
  ])(
    'refuses %j with exit code %i and a message',
    async (args, code, message) => {
      const result = await stderrAndExit(runCli(args));

      expect(result.code).toBe(code);
      expect(result.stderr).toContain(message);
    },
    30_000,
  );
});
