import type { z } from 'zod';
import { isLoopbackHost } from '../auth/loopback';

/** The settings the cross-field rules read. */
interface RuleInput {
  readonly HOST: string;
  readonly LOCAL_ARM_TOKEN?: string;
  readonly LOCAL_ALLOW_ANONYMOUS?: boolean;
  readonly LOCAL_AUTO_REGISTER_SUBSCRIPTIONS?: boolean;
  readonly ARM_CLIENT_CERT_THUMBPRINTS?: readonly string[];
  readonly TLS_PORT?: number;
  readonly TLS_CERT_FILE?: string;
  readonly TLS_KEY_FILE?: string;
  readonly ENTRA_ISSUERS?: readonly string[];
  readonly ENTRA_AUDIENCE?: string;
  readonly ENTRA_JWKS_URI?: string;
  readonly ENTRA_JWKS?: string;
  readonly ADMIN_TOKEN?: string;
  readonly ADMIN_ENTRA_ROLE?: string;
}

type Issue = readonly [setting: keyof RuleInput, problem: string];

function tlsIssues(s: RuleInput): Issue[] {
  const issues: Issue[] = [];
  const tlsWanted = s.TLS_PORT !== undefined || s.ARM_CLIENT_CERT_THUMBPRINTS !== undefined;
  if (!tlsWanted) return issues;
  if (s.TLS_PORT === undefined) issues.push(['TLS_PORT', 'is required with ARM_CLIENT_CERT_THUMBPRINTS']);
  if (s.TLS_CERT_FILE === undefined) issues.push(['TLS_CERT_FILE', 'is required with TLS_PORT']);
  if (s.TLS_KEY_FILE === undefined) issues.push(['TLS_KEY_FILE', 'is required with TLS_PORT']);
  if (s.ARM_CLIENT_CERT_THUMBPRINTS === undefined) {
    issues.push(['ARM_CLIENT_CERT_THUMBPRINTS', 'is required with TLS_PORT (the TLS listener only serves ARM)']);
  }
  return issues;
}

function entraIssues(s: RuleInput): Issue[] {
  const wanted = [s.ENTRA_ISSUERS, s.ENTRA_AUDIENCE, s.ENTRA_JWKS_URI, s.ENTRA_JWKS].some((v) => v !== undefined);
  if (!wanted) return [];
  const issues: Issue[] = [];
  if (s.ENTRA_ISSUERS === undefined) issues.push(['ENTRA_ISSUERS', 'is required for Entra ID tokens']);
  if (s.ENTRA_AUDIENCE === undefined) issues.push(['ENTRA_AUDIENCE', 'is required for Entra ID tokens']);
  if ((s.ENTRA_JWKS_URI === undefined) === (s.ENTRA_JWKS === undefined)) {
    issues.push(['ENTRA_JWKS_URI', 'or ENTRA_JWKS (exactly one) is required for Entra ID tokens']);
  }
  if (s.ENTRA_JWKS !== undefined && !isJwks(s.ENTRA_JWKS)) issues.push(['ENTRA_JWKS', 'must be a JSON Web Key Set']);
  return issues;
}

function adminIssues(s: RuleInput): Issue[] {
  if (s.ADMIN_ENTRA_ROLE === undefined || (s.ENTRA_ISSUERS !== undefined && s.ENTRA_AUDIENCE !== undefined)) return [];
  return [['ADMIN_ENTRA_ROLE', 'needs ENTRA_ISSUERS and ENTRA_AUDIENCE (admin tokens are checked as ARM\'s are)']];
}

function isJwks(text: string): boolean {
  try {
    const value = JSON.parse(text) as { keys?: unknown };
    return Array.isArray(value.keys);
  } catch {
    return false;
  }
}

/**
 * Rules between settings: the static local token is refused unless the gateway listens on
 * loopback only; TLS and Entra ID settings come complete or not at all.
 */
export function checkGatewaySettings(settings: RuleInput, ctx: z.RefinementCtx): void {
  const issues: Issue[] = [...tlsIssues(settings), ...entraIssues(settings), ...adminIssues(settings)];
  const localOnly: ReadonlyArray<readonly [keyof RuleInput, boolean]> = [
    ['LOCAL_ARM_TOKEN', settings.LOCAL_ARM_TOKEN !== undefined],
    ['LOCAL_ALLOW_ANONYMOUS', settings.LOCAL_ALLOW_ANONYMOUS === true],
    ['LOCAL_AUTO_REGISTER_SUBSCRIPTIONS', settings.LOCAL_AUTO_REGISTER_SUBSCRIPTIONS === true],
    ['ADMIN_TOKEN', settings.ADMIN_TOKEN !== undefined],
  ];
  for (const [setting, enabled] of localOnly) {
    if (enabled && !isLoopbackHost(settings.HOST)) {
      issues.push([setting, 'is only allowed when HOST is a loopback address (the local stack)']);
    }
  }
  for (const [setting, message] of issues) ctx.addIssue({ code: 'custom', path: [setting], message });
}
