import type { OperationInitiator } from '@iomt/domain';
import { mayPollOperation } from './polling-identity';

const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const OTHER_TENANT = '33e01921-4d64-4f8c-a055-5bdaffd5e33d';
const OBJECT = '5b307da8-43d4-492b-8b66-b0294ade872f';
const OTHER_OBJECT = 'c0ffee00-43d4-492b-8b66-b0294ade872f';
const PUID = '10033FFF8A4A4B8E';

describe('mayPollOperation', () => {
  it.each<[string, OperationInitiator | undefined, OperationInitiator | undefined, boolean]>([
    ['the system’s own operation, polled by anyone', undefined, { homeTenantId: TENANT, objectId: OBJECT }, true],
    ['the system’s own operation, polled with no identity', undefined, undefined, true],
    ['the initiator itself', { homeTenantId: TENANT, objectId: OBJECT }, { homeTenantId: TENANT, objectId: OBJECT }, true],
    ['the initiator in other casing', { homeTenantId: TENANT, objectId: OBJECT }, { homeTenantId: TENANT.toUpperCase(), objectId: OBJECT.toUpperCase() }, true],
    ['the initiator also sending a PUID', { homeTenantId: TENANT, objectId: OBJECT }, { homeTenantId: TENANT, objectId: OBJECT, puid: PUID }, true],
    ['another object id', { homeTenantId: TENANT, objectId: OBJECT }, { homeTenantId: TENANT, objectId: OTHER_OBJECT }, false],
    ['the same object id in another tenant', { homeTenantId: TENANT, objectId: OBJECT }, { homeTenantId: OTHER_TENANT, objectId: OBJECT }, false],
    ['the same object id without a tenant', { homeTenantId: TENANT, objectId: OBJECT }, { objectId: OBJECT }, false],
    ['only the PUID when an object id was recorded', { homeTenantId: TENANT, objectId: OBJECT, puid: PUID }, { homeTenantId: TENANT, puid: PUID }, false],
    ['no identity at all', { homeTenantId: TENANT, objectId: OBJECT }, undefined, false],
    ['the same PUID (no object id recorded)', { homeTenantId: TENANT, puid: PUID }, { homeTenantId: TENANT, puid: PUID.toLowerCase() }, true],
    ['another PUID', { homeTenantId: TENANT, puid: PUID }, { homeTenantId: TENANT, puid: '10033FFF8A4A4B8F' }, false],
    ['no PUID when one was recorded', { homeTenantId: TENANT, puid: PUID }, { homeTenantId: TENANT, objectId: OBJECT }, false],
    ['the same tenant when only a tenant was recorded', { homeTenantId: TENANT }, { homeTenantId: TENANT, objectId: OBJECT }, true],
    ['another tenant when only a tenant was recorded', { homeTenantId: TENANT }, { homeTenantId: OTHER_TENANT }, false],
  ])('%s', (_case, initiator, caller, allowed) => {
    expect(mayPollOperation(initiator, caller)).toBe(allowed);
  });
});
