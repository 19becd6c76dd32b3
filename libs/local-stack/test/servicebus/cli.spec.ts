import { ServiceBusClient } from '@azure/service-bus';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import { resolve } from 'node:path';

jest.setTimeout(60_000);

const ROOT = resolve(__dirname, '../../../..');
const CLI = 'libs/local-stack/src/servicebus/cli.ts';

function startCli(...args: string[]): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, ['-r', '@swc-node/register', CLI, ...args], { cwd: ROOT });
}

/** Resolves with the first stdout line. */
async function firstLine(child: ChildProcessWithoutNullStreams): Promise<string> {
  let buffered = '';
  for await (const chunk of child.stdout) {
    buffered += String(chunk);
    if (buffered.includes('\n')) return buffered.split('\n')[0];
  }
  throw new Error(`the CLI exited without printing a line`);
}

describe('servicebus-emulator CLI', () => {
  it('prints one line with the connection string once it accepts connections, and exits 0 on SIGTERM', async () => {
    const child = startCli('--port', '0', '--config', 'config/servicebus/Config.json');
    let client: ServiceBusClient | undefined;
    try {
      const line = await firstLine(child);
      const connectionString = /Endpoint=sb:\/\/127\.0\.0\.1:\d+;\S+UseDevelopmentEmulator=true/.exec(line)?.[0];
      expect(connectionString).toBeDefined();
      client = new ServiceBusClient(connectionString!);
      await client.createSender('operations').sendMessages({ body: 'ping', sessionId: 'sub-1' });
      const receiver = await client.acceptSession('operations', 'sub-1');
      expect((await receiver.receiveMessages(1, { maxWaitTimeInMs: 2000 }))[0].body).toBe('ping');
    } finally {
      // Stopped while the client is still connected: the emulator must not wait for it.
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      const [code, signal] = await exited;
      await client?.close();
      expect({ code, signal }).toEqual({ code: 0, signal: null });
    }
  });

  it('exits 1 with a message naming the problem when the config is invalid', async () => {
    const child = startCli('--port', '0', '--config', 'no/such/Config.json');
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += String(chunk)));
    const [code] = await once(child, 'exit');
    expect(code).toBe(1);
    expect(stderr).toMatch(/no\/such\/Config\.json: cannot read the file/);
  });
});
