import { createServer } from 'node:net';

/** Resolves when `port` can be bound on `host`; rejects with an error naming the setting otherwise. */
export function assertPortFree(host: string, port: number, setting: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) => {
      const reason = error.code === 'EADDRINUSE' ? 'is already in use' : `cannot be bound (${error.code})`;
      reject(new Error(`Port ${port} (${setting}) on ${host} ${reason}. Set ${setting} to a free port.`));
    });
    probe.listen({ host, port, exclusive: true }, () => probe.close(() => resolve()));
  });
}

/** Reads a port setting from the environment, with a default; rejects anything but 1..65535. */
export function portFromEnv(env: NodeJS.ProcessEnv, setting: string, fallback: number): number {
  const raw = env[setting];
  if (raw === undefined || raw === '') return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`${setting} must be a port number from 1 to 65535, got "${raw}".`);
  }
  return port;
}
