import type { GatewayRequest } from '../arm/gateway-request';

/**
 * One way ARM may prove who it is (arm-rpc.md §1.3). `authenticate` answers true when the request
 * proves it this way, false otherwise; it never throws for a bad credential.
 */
export interface ArmAuthenticator {
  /** Names the mode in logs: `localToken`, `clientCertificate`, `entraId`. */
  readonly mode: string;
  authenticate(request: GatewayRequest): boolean | Promise<boolean>;
}

/** DI token of the configured `ArmAuthenticator[]`, in the order they are tried. */
export const ARM_AUTHENTICATORS = Symbol('ARM_AUTHENTICATORS');

/** DI token of the authenticators of operators on the admin API (`ArmAuthenticator[]`; none: the admin API refuses everyone). */
export const ADMIN_AUTHENTICATORS = Symbol('ADMIN_AUTHENTICATORS');

/** The token of `Authorization: Bearer <token>`, or undefined. */
export function bearerTokenOf(request: GatewayRequest): string | undefined {
  const header = request.headers.authorization;
  const match = typeof header === 'string' ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  return match?.[1];
}
