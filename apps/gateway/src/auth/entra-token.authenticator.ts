import { createLocalJWKSet, createRemoteJWKSet, jwtVerify, type JSONWebKeySet, type JWTVerifyGetKey } from 'jose';
import type { GatewayRequest } from '../arm/gateway-request';
import { ArmAuthenticator, bearerTokenOf } from './arm-authenticator';

/** What an Entra ID token must satisfy. */
export interface EntraTokenSettings {
  readonly issuers: readonly string[];
  readonly audience: string;
  /** A JWKS endpoint (Entra's `discovery/v2.0/keys`)… */
  readonly jwksUri?: string;
  /** …or the key set itself. */
  readonly jwks?: JSONWebKeySet;
  /** An app role the token must carry in its `roles` claim (the admin API's). */
  readonly requiredRole?: string;
}

/**
 * Entra ID bearer tokens: signature against the signing keys (fetched and cached by jose when given
 * a JWKS URI), issuer in the allowlist, audience, and the time claims with a minute of leeway; for
 * the admin API also an app role in the `roles` claim.
 */
export class EntraTokenAuthenticator implements ArmAuthenticator {
  readonly mode: string;
  private readonly keys: JWTVerifyGetKey;

  constructor(private readonly settings: EntraTokenSettings) {
    this.mode = settings.requiredRole === undefined ? 'entraId' : 'entraIdAdminRole';
    if (settings.jwks !== undefined) this.keys = createLocalJWKSet(settings.jwks);
    else if (settings.jwksUri !== undefined) this.keys = createRemoteJWKSet(new URL(settings.jwksUri));
    else throw new Error('EntraTokenAuthenticator needs jwks or jwksUri');
  }

  async authenticate(request: GatewayRequest): Promise<boolean> {
    const token = bearerTokenOf(request);
    if (token === undefined) return false;
    try {
      const { payload } = await jwtVerify(token, this.keys, {
        issuer: [...this.settings.issuers],
        audience: this.settings.audience,
        algorithms: ['RS256', 'RS384', 'RS512', 'PS256', 'ES256'],
        clockTolerance: 60,
      });
      const { requiredRole } = this.settings;
      return requiredRole === undefined || (Array.isArray(payload['roles']) && payload['roles'].includes(requiredRole));
    } catch {
      return false;
    }
  }
}
