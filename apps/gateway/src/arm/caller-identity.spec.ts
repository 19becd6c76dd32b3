import type { IncomingMessage } from 'node:http';
import { ValidationError } from '@iomt/domain';
import { callerIdentityOf } from './caller-identity';

const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const CLIENT_TENANT = '33e01921-4d64-4f8c-a055-5bdaffd5e33d';
const OBJECT = '5b307da8-43d4-492b-8b66-b0294ade872f';
const PUID = '10033FFF8A4A4B8E';

const request = (headers: Record<string, string | string[]>) => ({ headers }) as unknown as IncomingMessage;

function thrownBy(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

describe('callerIdentityOf', () => {
  it.each<[string, Record<string, string | string[]>, object | undefined]>([
    ['nothing from a request that names no one', { authorization: 'Bearer x' }, undefined],
    ['nothing from blank headers', { 'x-ms-client-object-id': ' ', 'x-ms-home-tenant-id': '' }, undefined],
    [
      'the home tenant, object id and PUID',
      { 'x-ms-home-tenant-id': TENANT, 'x-ms-client-tenant-id': CLIENT_TENANT, 'x-ms-client-object-id': OBJECT, 'x-ms-client-puid': PUID },
      { homeTenantId: TENANT, objectId: OBJECT, puid: PUID },
    ],
    ['the client tenant when ARM sent no home tenant', { 'x-ms-client-tenant-id': CLIENT_TENANT, 'x-ms-client-object-id': OBJECT }, { homeTenantId: CLIENT_TENANT, objectId: OBJECT }],
    ['a PUID alone', { 'x-ms-client-puid': PUID }, { puid: PUID }],
    ['the first of repeated headers', { 'x-ms-client-object-id': [OBJECT, CLIENT_TENANT] }, { objectId: OBJECT }],
    [
      'no principal names, application ids or addresses',
      { 'x-ms-client-object-id': OBJECT, 'x-ms-client-principal-name': 'someone@contoso.com', 'x-ms-client-app-id': CLIENT_TENANT, 'x-ms-client-ip-address': '10.0.0.1' },
      { objectId: OBJECT },
    ],
  ])('reads %s', (_case, headers, expected) => {
    expect(callerIdentityOf(request(headers))).toStrictEqual(expected);
  });

  it.each([
    ['x-ms-home-tenant-id', 'contoso.onmicrosoft.com', { homeTenantId: 'contoso.onmicrosoft.com' }],
    ['x-ms-client-object-id', 'alice', { objectId: 'alice' }],
    ['x-ms-client-puid', '10033FFF8A4A4B8', { puid: '10033FFF8A4A4B8' }],
  ])('keeps a %s that is not a GUID or hex PUID (%s) as it is: identity values are opaque', (name, value, expected) => {
    expect(callerIdentityOf(request({ [name]: value }))).toStrictEqual(expected);
  });

  it.each(['x-ms-home-tenant-id', 'x-ms-client-tenant-id', 'x-ms-client-object-id', 'x-ms-client-puid'])(
    'refuses a %s over 128 characters with a 400 naming the header',
    (name) => {
      const error = thrownBy(() => callerIdentityOf(request({ [name]: 'a'.repeat(129) })));
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).details).toEqual([
        { code: 'InvalidParameter', target: name, message: `${name}: must be at most 128 characters long` },
      ]);
    },
  );

  it('reports every malformed header at once', () => {
    const long = 'x'.repeat(129);
    const error = thrownBy(() => callerIdentityOf(request({ 'x-ms-home-tenant-id': long, 'x-ms-client-object-id': long }))) as ValidationError;
    expect(error.details.map((detail) => detail.target)).toEqual(['x-ms-home-tenant-id', 'x-ms-client-object-id']);
    expect(error.message).toBe(
      'The caller identity is invalid (2 problems): x-ms-home-tenant-id: must be at most 128 characters long; x-ms-client-object-id: must be at most 128 characters long',
    );
  });
});
