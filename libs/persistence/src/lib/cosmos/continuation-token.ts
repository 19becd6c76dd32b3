import { createHash } from 'node:crypto';
import type { SqlQuerySpec } from '@azure/cosmos';
import { ErrorCode, ValidationError } from '@iomt/domain';

/**
 * Continuation tokens handed to callers are opaque: base64url of the SDK's token plus a
 * fingerprint of the query it belongs to, so a token is rejected with a precise error when it is
 * malformed or replayed against another query, instead of silently restarting or skipping.
 */
interface TokenEnvelope {
  readonly q: string;
  readonly t: string;
}

/** A short fingerprint of a query and its parameters. */
function fingerprint(spec: SqlQuerySpec): string {
  return createHash('sha256')
    .update(JSON.stringify([spec.query, spec.parameters ?? []]))
    .digest('base64url')
    .slice(0, 16);
}

/** Wraps the SDK's continuation token of `spec` for a caller. */
export function encodeContinuationToken(spec: SqlQuerySpec, sdkToken: string): string {
  const envelope: TokenEnvelope = { q: fingerprint(spec), t: sdkToken };
  return Buffer.from(JSON.stringify(envelope)).toString('base64url');
}

/**
 * The SDK's token inside a caller's token for `spec`.
 * @throws ValidationError when the token is malformed or belongs to another query.
 */
export function decodeContinuationToken(spec: SqlQuerySpec, token: string): string {
  const invalid = (why: string) =>
    new ValidationError(`The continuation token is invalid: ${why}`, {
      code: ErrorCode.InvalidParameter,
      target: 'continuationToken',
    });
  if (!/^[A-Za-z0-9_-]+$/.test(token)) throw invalid('it is not a token this service issued');
  let envelope: unknown;
  try {
    envelope = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    throw invalid('it is not a token this service issued');
  }
  const { q, t } = (envelope ?? {}) as Partial<TokenEnvelope>;
  if (typeof q !== 'string' || typeof t !== 'string') throw invalid('it is not a token this service issued');
  if (q !== fingerprint(spec)) throw invalid('it belongs to a different list');
  return t;
}
