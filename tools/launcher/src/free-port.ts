import { createServer } from 'node:net';

/**
 * A port the system can bind on `host` now, chosen by the operating system. Another process may
 * take it before the service binds it; on loopback in a test run that race is rare enough, and a
 * service that cannot bind fails its readiness wait with a clear error.
 */
export function freePort(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen({ host, port: 0, exclusive: true }, () => {
      const address = probe.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}
