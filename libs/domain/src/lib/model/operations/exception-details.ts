/** Longest `exceptionDetails` we store: enough for a code, a message and a few details, bounded for Cosmos. */
export const MAX_EXCEPTION_DETAILS_LENGTH = 4096;

const REDACTED = '***';

/** `Name=value` secrets of connection strings, SAS tokens and query strings. */
const KEY_VALUE_SECRET =
  /\b(SharedAccessKey|SharedAccessSignature|AccountKey|sig|password|pwd|client_secret|apiKey|code)=([^;&\s"']+)/gi;
/** JSON properties holding keys, as listKeys answers and Stream Analytics inputs carry them. */
const JSON_SECRET =
  /"(primaryKey|secondaryKey|primaryConnectionString|secondaryConnectionString|aliasPrimaryConnectionString|aliasSecondaryConnectionString|sharedAccessPolicyKey|apiKey|masterKey|password|clientSecret|accountKey)"(\s*:\s*)"[^"]*"/gi;
const BEARER_TOKEN = /\bBearer\s+[A-Za-z0-9._~+/-]+=*/g;

/**
 * Replaces secret values in free text with `***` (invariant 5: no secrets in documents or
 * logs). Azure error messages may echo a connection string or a listKeys body.
 */
export function redactSecrets(text: string): string {
  return text
    .replace(KEY_VALUE_SECRET, (_match, name: string) => `${name}=${REDACTED}`)
    .replace(JSON_SECRET, (_match, name: string, separator: string) => `"${name}"${separator}"${REDACTED}"`)
    .replace(BEARER_TOKEN, `Bearer ${REDACTED}`);
}

function describeRaw(error: unknown): string {
  if (typeof error === 'string') return error;
  if (typeof error === 'object' && error !== null) {
    const { code, message, name } = error as { code?: unknown; message?: unknown; name?: unknown };
    const text = typeof message === 'string' ? message : undefined;
    if (typeof code === 'string' && text !== undefined) return `${code}: ${text}`;
    if (text !== undefined) return typeof name === 'string' && name !== '' ? `${name}: ${text}` : text;
  }
  return 'Unknown error';
}

/**
 * The `exceptionDetails` of a failure: `code: message` for domain and Azure errors (which carry a
 * string `code`), `Name: message` for other errors; secrets redacted, at most
 * {@link MAX_EXCEPTION_DETAILS_LENGTH} characters. No stack: it is for operators and ARM, not debugging.
 */
export function describeError(error: unknown): string {
  const text = redactSecrets(describeRaw(error));
  return text.length <= MAX_EXCEPTION_DETAILS_LENGTH ? text : `${text.slice(0, MAX_EXCEPTION_DETAILS_LENGTH - 1)}…`;
}
