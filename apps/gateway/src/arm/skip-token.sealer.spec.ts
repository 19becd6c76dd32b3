import { randomBytes } from 'node:crypto';
import { isDomainError } from '@iomt/domain';
import { SkipTokenSealer } from './skip-token.sealer';

const thrown = (run: () => unknown): unknown => {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
};

describe('SkipTokenSealer', () => {
  const sealer = new SkipTokenSealer(randomBytes(32));
  const scope = '/subscriptions/s1/providers/microsoft.healthcareapis/services';

  it('gives back the continuation token in its scope, and never shows it', () => {
    const sealed = sealer.seal(scope, '{"token":"+RID:abc=="}');
    expect(sealed).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(sealed).not.toContain('RID');
    expect(sealer.unseal(scope, sealed)).toBe('{"token":"+RID:abc=="}');
  });

  it.each<[string, (sealed: string) => [SkipTokenSealer, string, string]]>([
    ['another scope', (sealed) => [sealer, `${scope}x`, sealed]],
    ['another key', (sealed) => [new SkipTokenSealer(randomBytes(32)), scope, sealed]],
    ['a flipped character', (sealed) => [sealer, scope, `${sealed.slice(0, 20)}${sealed[20] === 'A' ? 'B' : 'A'}${sealed.slice(21)}`]],
    ['a truncated token', (sealed) => [sealer, scope, sealed.slice(0, 10)]],
    ['characters outside base64url', () => [sealer, scope, 'abc$%']],
  ])('refuses a token with %s: 400 InvalidParameter on $skipToken', (_case, make) => {
    const [who, where, token] = make(sealer.seal(scope, 'continuation'));
    expect(thrown(() => who.unseal(where, token))).toMatchObject({ code: 'InvalidParameter', target: '$skipToken', kind: 'validation' });
    expect(isDomainError(thrown(() => who.unseal(where, token)))).toBe(true);
  });

  it('refuses a key that is not 32 bytes', () => {
    expect(() => new SkipTokenSealer(randomBytes(16))).toThrow(RangeError);
  });
});
