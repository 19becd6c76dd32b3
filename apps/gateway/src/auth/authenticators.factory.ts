import type { JSONWebKeySet } from 'jose';
import type { GatewayConfig } from '../config';
import type { ArmAuthenticator } from './arm-authenticator';
import { ClientCertificateAuthenticator } from './client-certificate.authenticator';
import { EntraTokenAuthenticator } from './entra-token.authenticator';
import { LoopbackAnonymousAuthenticator } from './loopback-anonymous.authenticator';
import { StaticTokenAuthenticator } from './static-token.authenticator';

/**
 * The operators' authenticators of the admin API: the static ADMIN_TOKEN (loopback only, like
 * LOCAL_ARM_TOKEN) and Entra ID tokens carrying the ADMIN_ENTRA_ROLE app role (checked as ARM's are).
 */
export function createAdminAuthenticators(config: GatewayConfig): ArmAuthenticator[] {
  const authenticators: ArmAuthenticator[] = [];
  if (config.ADMIN_ENTRA_ROLE !== undefined && config.ENTRA_ISSUERS !== undefined && config.ENTRA_AUDIENCE !== undefined) {
    authenticators.push(new EntraTokenAuthenticator({ ...entraSettingsOf(config, config.ENTRA_ISSUERS, config.ENTRA_AUDIENCE), requiredRole: config.ADMIN_ENTRA_ROLE }));
  }
  if (config.ADMIN_TOKEN !== undefined) authenticators.push(new StaticTokenAuthenticator(config.ADMIN_TOKEN));
  return authenticators;
}

function entraSettingsOf(config: GatewayConfig, issuers: readonly string[], audience: string) {
  return {
    issuers,
    audience,
    jwksUri: config.ENTRA_JWKS_URI,
    jwks: config.ENTRA_JWKS === undefined ? undefined : (JSON.parse(config.ENTRA_JWKS) as JSONWebKeySet),
  };
}

/** The authenticators the settings enable, certificate first (cheapest), then Entra ID, then the local token. */
export function createAuthenticators(config: GatewayConfig): ArmAuthenticator[] {
  const authenticators: ArmAuthenticator[] = [];
  if (config.ARM_CLIENT_CERT_THUMBPRINTS !== undefined) {
    authenticators.push(new ClientCertificateAuthenticator(config.ARM_CLIENT_CERT_THUMBPRINTS));
  }
  if (config.ENTRA_ISSUERS !== undefined && config.ENTRA_AUDIENCE !== undefined) {
    authenticators.push(new EntraTokenAuthenticator(entraSettingsOf(config, config.ENTRA_ISSUERS, config.ENTRA_AUDIENCE)));
  }
  if (config.LOCAL_ARM_TOKEN !== undefined) authenticators.push(new StaticTokenAuthenticator(config.LOCAL_ARM_TOKEN));
  if (config.LOCAL_ALLOW_ANONYMOUS) authenticators.push(new LoopbackAnonymousAuthenticator());
  return authenticators;
}
