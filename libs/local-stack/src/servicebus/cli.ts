import { parseArgs } from 'node:util';
import { startServiceBusEmulator } from './servicebus-emulator';

const USAGE = 'usage: npm run servicebus-emulator -- --port <port> --config <Config.json>';

/**
 * `npm run servicebus-emulator -- --port <port> --config <file>`: prints one line with the
 * connection string once it accepts connections; stops cleanly on SIGTERM or SIGINT.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { port: { type: 'string' }, config: { type: 'string' }, host: { type: 'string' } } });
  const port = Number(values.port ?? '5672');
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be an integer from 0 to 65535 (got "${values.port}"). ${USAGE}`);
  if (!values.config) throw new Error(`--config is required. ${USAGE}`);
  const emulator = await startServiceBusEmulator({ port, config: values.config, host: values.host });
  process.stdout.write(`Service Bus emulator listening; connection string: ${emulator.connectionString}\n`);
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    emulator.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`servicebus-emulator: stop failed: ${String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`servicebus-emulator: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
