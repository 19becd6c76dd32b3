import { readFileSync } from 'node:fs';
import { createServer, request, Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';

/** A fault to answer instead of forwarding: `times` requests whose `METHOD path` matches `match`. */
export interface InjectedFault {
  readonly match: RegExp;
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  times: number;
}

/** An HTTPS front of the local Cosmos server that can answer chosen requests with a fault. */
export interface CosmosFaultProxy {
  readonly endpoint: string;
  /** `METHOD path` of every request seen, in order. */
  readonly seen: string[];
  inject(fault: InjectedFault): void;
  stop(): Promise<void>;
}

/**
 * Starts a proxy in front of `targetEndpoint`. The local server never throttles, so this is how
 * tests make the real SDK meet 429 and 503 responses (with their retry-after headers).
 */
export async function startCosmosFaultProxy(targetEndpoint: string): Promise<CosmosFaultProxy> {
  const packageDir = dirname(require.resolve('@vercel/cosmosdb-server/package.json'));
  const target = new URL(targetEndpoint);
  const faults: InjectedFault[] = [];
  const seen: string[] = [];
  const server: Server = createServer(
    { cert: readFileSync(join(packageDir, 'cert.pem')), key: readFileSync(join(packageDir, 'key.pem')) },
    (req, res) => {
      const line = `${req.method} ${req.url}`;
      seen.push(line);
      const fault = faults.find((f) => f.times > 0 && f.match.test(line));
      if (fault) {
        fault.times -= 1;
        req.resume();
        res.writeHead(fault.status, { 'content-type': 'application/json', ...fault.headers });
        res.end(JSON.stringify({ code: String(fault.status), message: 'injected fault' }));
        return;
      }
      const upstream = request(
        { host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers, rejectUnauthorized: false },
        (reply) => {
          res.writeHead(reply.statusCode ?? 502, reply.headers);
          reply.pipe(res);
        },
      );
      upstream.on('error', () => res.destroy());
      req.pipe(upstream);
    },
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `https://127.0.0.1:${port}`,
    seen,
    inject: (fault) => void faults.push(fault),
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
