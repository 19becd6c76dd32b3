import { OperationTarget, targetKey, targetsOverlap } from './operation-target';

const account: OperationTarget = { accountId: 'a1' };
const connector: OperationTarget = { accountId: 'a1', connectorId: 'c1' };
const mapping: OperationTarget = { accountId: 'a1', connectorId: 'c1', part: 'mappings/deviceMapping' };
const otherMapping: OperationTarget = { accountId: 'a1', connectorId: 'c1', part: 'mappings/fhirMapping' };
const connection: OperationTarget = { accountId: 'a1', connectorId: 'c1', part: 'connections/Devices' };
const otherConnector: OperationTarget = { accountId: 'a1', connectorId: 'c2' };
const otherAccount: OperationTarget = { accountId: 'a2' };
const prefixAccount: OperationTarget = { accountId: 'a1x' };

describe('operation targets', () => {
  it.each<[string, OperationTarget, OperationTarget, boolean]>([
    ['the same account', account, account, true],
    ['an account and its connector', account, connector, true],
    ['a connector and its account', connector, account, true],
    ['a connector and its mapping', connector, mapping, true],
    ['an account and a connection of its connector', account, connection, true],
    ['two mappings of one connector', mapping, otherMapping, false],
    ['a mapping and a connection', mapping, connection, false],
    ['two connectors of one account', connector, otherConnector, false],
    ['two accounts', account, otherAccount, false],
    ['accounts whose ids share a prefix', account, prefixAccount, false],
  ])('%s overlap: %s', (_case, a, b, overlap) => {
    expect(targetsOverlap(a, b)).toBe(overlap);
  });

  it('keys parts in lowercase, so connection names compare ignoring case', () => {
    expect(targetKey(connection)).toBe('a/a1/c/c1/connections/devices');
  });
});
