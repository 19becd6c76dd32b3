/** What replaces a secret in a log line. */
export const REDACTED = '[REDACTED]';

/**
 * Property names whose values are secrets: passwords, secrets, tokens, credentials,
 * authorization, cookies, signatures, connection strings and keys. Only `key`/`keys`,
 * `*_key`/`*-key` and the well-known credential keys (`primaryKey`, `accountKey`, `apiKey`,
 * ...) count as keys, so identifiers such as `partitionKey` or `keyName` stay readable.
 */
const SECRET_NAME =
  /passw(?:or)?d|passphrase|secret|token|credential|authorization|cookie|signature|connection[-_]?string|(?:api|access|account|shared[-_]?access|primary|secondary|private|master|sas)[-_]?keys?$|(?:^|[-_])(?:keys?|pwd|pass)$|^sig$/i;

// A JSON member `"name": value` where value is a string, number or boolean. Because the
// closing quote of the name must be unescaped and be followed by a colon, this only ever
// matches real member names, so replacing the value keeps the line valid JSON.
const JSON_MEMBER = /"((?:[^"\\]|\\.)*)"(\s*:\s*)("(?:[^"\\]|\\.)*"|-?\d[\d.eE+-]*|true|false)/g;

/** Secret-looking fragments inside any text, replaced wherever they occur. */
const SECRET_FRAGMENTS: ReadonlyArray<readonly [RegExp, string]> = [
  // Connection strings: Service Bus, Event Hubs, Storage, Cosmos, SQL.
  [/\b(SharedAccessKey|SharedAccessSignature|AccountKey|AccessKey|Password|Pwd)=[^;"\s\\]+/gi, `$1=${REDACTED}`],
  // HTTP credentials.
  [/\b(Bearer|Basic|SharedAccessSignature)\s+[A-Za-z0-9\-._~+/]+=*/g, `$1 ${REDACTED}`],
  // JSON Web Tokens anywhere.
  [/\beyJ[A-Za-z0-9_-]+\.eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g, REDACTED],
  // SAS signatures in URLs.
  [/([?&](?:sig|signature)=)[^&"\s\\]+/gi, `$1${REDACTED}`],
  // user:password@ in URLs.
  [/(\/\/)[^/:@"\s\\]+:[^/@"\s\\]+@/g, `$1${REDACTED}@`],
];

/** True when a property of this name holds a secret. */
export function isSecretName(name: string): boolean {
  return SECRET_NAME.test(name);
}

/** Masks secret-looking fragments (connection-string keys, bearer tokens, JWTs, SAS) in text. */
export function redactSecretFragments(text: string): string {
  return SECRET_FRAGMENTS.reduce((out, [pattern, replacement]) => out.replace(pattern, replacement), text);
}

/**
 * Redacts one serialized JSON log line: values of secret-named members at any depth and
 * secret-looking fragments anywhere. The result is still valid JSON.
 */
export function redactJsonLine(line: string): string {
  const byName = line.replace(JSON_MEMBER, (member, name: string, colon: string) =>
    isSecretName(name) ? `"${name}"${colon}"${REDACTED}"` : member,
  );
  return redactSecretFragments(byName);
}
