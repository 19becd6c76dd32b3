import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config';

/**
 * The mutual-TLS listener ARM calls in production (TLS_PORT): the same routes as the plain
 * listener, which then only serves probes and the local stack. It asks for a client certificate
 * but lets the handshake complete without one, so a caller without an allowed certificate gets
 * ARM's 401 body rather than a TLS alert.
 */
@Injectable()
export class TlsListener implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(TlsListener.name);
  private server: Server | undefined;

  constructor(
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    private readonly adapterHost: HttpAdapterHost,
  ) {}

  /** `https://host:port` once listening; undefined when TLS_PORT is not set. */
  url: string | undefined;

  async onApplicationBootstrap(): Promise<void> {
    const { TLS_PORT: port, TLS_CERT_FILE: certFile, TLS_KEY_FILE: keyFile } = this.config;
    if (port === undefined || certFile === undefined || keyFile === undefined) return;
    const host = this.config.TLS_HOST ?? '0.0.0.0';
    const handler = this.adapterHost.httpAdapter.getInstance<Parameters<typeof createServer>[1]>();
    const server = createServer({ cert: readFileSync(certFile), key: readFileSync(keyFile), requestCert: true, rejectUnauthorized: false }, handler);
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => resolve());
    });
    this.server = server;
    const address = server.address() as AddressInfo;
    this.url = `https://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;
    this.logger.log({ msg: `ARM TLS listener on ${this.url}`, url: this.url });
  }

  async onApplicationShutdown(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server === undefined) return;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }
}
