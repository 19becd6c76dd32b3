import { launchSystem } from './launcher';
import { localStackComponents } from './components';

/** `npm start`: the whole system on this machine, until Ctrl-C. */
async function main(): Promise<void> {
  const host = '127.0.0.1';
  const log = (line: string): void => void process.stdout.write(`${line}\n`);
  const system = await launchSystem({
    env: process.env,
    host,
    components: localStackComponents(process.env, host),
    readyTimeoutMs: 120_000,
    log,
  });
  log(`Gateway: ${system.gatewayUrl}`);
  log(
    process.env.LOCAL_ARM_TOKEN
      ? `Local ARM token: ${process.env.LOCAL_ARM_TOKEN} (send "Authorization: Bearer <token>")`
      : 'LOCAL_ARM_TOKEN is not set: the gateway accepts requests on loopback without a token.',
  );
  let stopping = false;
  const shutdown = (): void => {
    if (stopping) return;
    stopping = true;
    log('[local-stack] stopping');
    system.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        log(`[local-stack] stop failed: ${String(error)}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  process.on('SIGHUP', shutdown);
  watchParent(shutdown);
}

/**
 * Stops the system when whoever started it goes away without signalling us (a wrapper shell
 * killed, a terminal closed), so no emulator or service outlives `npm start`.
 */
function watchParent(onGone: () => void): void {
  const parent = process.ppid;
  const timer = setInterval(() => {
    if (process.ppid !== parent) onGone();
  }, 1000);
  timer.unref();
}

main().catch((error: unknown) => {
  process.stderr.write(`npm start failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
