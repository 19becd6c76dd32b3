import type { TLSSocket } from 'node:tls';
import type { GatewayRequest } from '../arm/gateway-request';
import { ArmAuthenticator } from './arm-authenticator';

/** `AB:CD:...` or `abcd...` → `ABCD...`. */
export function normalizeThumbprint(value: string): string {
  return value.replace(/:/g, '').toUpperCase();
}

/**
 * Mutual TLS: the client certificate presented on the TLS listener must have a SHA-1 or SHA-256
 * thumbprint in the allowlist (ARM's client certificates; arm-rpc.md §1.3, Radius `certvalidator`).
 * Requests on the plain listener have no certificate and are never accepted this way.
 */
export class ClientCertificateAuthenticator implements ArmAuthenticator {
  readonly mode = 'clientCertificate';
  private readonly allowed: ReadonlySet<string>;

  constructor(thumbprints: readonly string[]) {
    this.allowed = new Set(thumbprints.map(normalizeThumbprint));
  }

  authenticate(request: GatewayRequest): boolean {
    const socket = request.socket as Partial<TLSSocket>;
    if (socket.encrypted !== true || typeof socket.getPeerCertificate !== 'function') return false;
    const certificate = socket.getPeerCertificate();
    if (certificate === null || certificate.fingerprint === undefined) return false;
    return [certificate.fingerprint, certificate.fingerprint256]
      .filter((print): print is string => typeof print === 'string')
      .some((print) => this.allowed.has(normalizeThumbprint(print)));
  }
}
