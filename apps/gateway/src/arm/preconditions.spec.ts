import type { ArmRequest } from './arm-request';
import { assertPreconditions } from './preconditions';

const request = (headers: { ifMatch?: string; ifNoneMatch?: string }): ArmRequest =>
  ({ ...headers, apiVersion: 'v', publicUrl: new URL('https://h/'), trace: {}, body: undefined, query: {} }) as ArmRequest;
const STORED = { _etag: '"00000a00-0000-0000-0000-000000000000"' };

describe('assertPreconditions', () => {
  it.each<[string, { ifMatch?: string; ifNoneMatch?: string }, { _etag?: string } | undefined, boolean]>([
    ['no conditions on a missing resource', {}, undefined, true],
    ['no conditions on a stored resource', {}, STORED, true],
    ['If-Match * on a stored resource', { ifMatch: '*' }, STORED, true],
    ['If-Match * on a missing resource', { ifMatch: '*' }, undefined, false],
    ['If-Match with the stored ETag', { ifMatch: STORED._etag }, STORED, true],
    ['If-Match with the stored ETag, unquoted and weak', { ifMatch: 'W/00000a00-0000-0000-0000-000000000000' }, STORED, true],
    ['If-Match with one of several ETags', { ifMatch: '"other", "00000a00-0000-0000-0000-000000000000"' }, STORED, true],
    ['If-Match with another ETag', { ifMatch: '"other"' }, STORED, false],
    ['If-None-Match * on a missing resource', { ifNoneMatch: '*' }, undefined, true],
    ['If-None-Match * on a stored resource', { ifNoneMatch: '*' }, STORED, false],
    ['If-None-Match with another ETag', { ifNoneMatch: '"other"' }, STORED, true],
  ])('%s: allowed=%s', (_case, headers, stored, allowed) => {
    const check = () => assertPreconditions(request(headers), stored);
    if (allowed) expect(check).not.toThrow();
    else expect(check).toThrow(expect.objectContaining({ code: 'PreconditionFailed', kind: 'preconditionFailed' }));
  });
});
