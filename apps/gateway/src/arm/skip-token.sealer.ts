import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { ErrorCode, ValidationError } from '@iomt/domain';

const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Seals a store continuation token into an opaque `$skipToken` bound to the request's scope (its
 * path), as ARO-RP does with AEAD: a caller can neither read nor forge one, nor replay it on
 * another list (arm-rpc.md §1.12). AES-256-GCM with the scope as additional data.
 */
export class SkipTokenSealer {
  constructor(private readonly key: Buffer = randomBytes(32)) {
    if (key.length !== 32) throw new RangeError('A skip token key must be 32 bytes');
  }

  seal(scope: string, continuationToken: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(scope));
    const sealed = Buffer.concat([cipher.update(continuationToken, 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64url');
  }

  /** @throws ValidationError (InvalidParameter, `$skipToken`) for a token not sealed for `scope` by this key. */
  unseal(scope: string, skipToken: string): string {
    const data = /^[A-Za-z0-9_-]+$/.test(skipToken) ? Buffer.from(skipToken, 'base64url') : Buffer.alloc(0);
    if (data.length <= IV_BYTES + TAG_BYTES) throw invalidSkipToken();
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, data.subarray(0, IV_BYTES));
      decipher.setAAD(Buffer.from(scope));
      decipher.setAuthTag(data.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      return Buffer.concat([decipher.update(data.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
    } catch {
      throw invalidSkipToken();
    }
  }
}

function invalidSkipToken(): ValidationError {
  return new ValidationError('The $skipToken is invalid, expired or belongs to another list.', {
    code: ErrorCode.InvalidParameter,
    target: '$skipToken',
  });
}
