import { markDeleted, isLive, newDocumentId, DEFAULT_DELETED_TTL_SECONDS } from './account-registry-document';
import { childResourceName, childSearchIndex, nameUnderParentRule } from './child-resource';
import { createSearchIndex, searchIndexValue } from './search-index';

describe('child resource names', () => {
  it('joins parent and child with a backslash, as seed 004 and arm/ name children', () => {
    expect(childResourceName('fhir1', 'conn1')).toBe('fhir1\\conn1');
  });

  it.each<[string, string, boolean]>([
    ['fhir1\\conn1', 'fhir1', true],
    ['FHIR1\\conn1', 'fhir1', true],
    ['fhir1\\conn1\\streamAnalyticsJob', 'fhir1\\conn1', true],
    ['fhir1\\', 'fhir1', false],
    ['fhir1\\a\\b', 'fhir1', false],
    ['fhir2\\conn1', 'fhir1', false],
    ['fhir1/conn1', 'fhir1', false],
    ['conn1', 'fhir1', false],
  ])('%s under parent %s is valid: %s', (name, parentName, valid) => {
    expect(nameUnderParentRule.check({ name, parentName }) === undefined).toBe(valid);
  });

  it('leaves judging to other rules when the fields are malformed', () => {
    expect(nameUnderParentRule.check({ name: 42 as never, parentName: 'fhir1' })).toBeUndefined();
  });
});

describe('search index', () => {
  it('puts the extras first, then the common keys, with lowercased values', () => {
    const index = childSearchIndex(
      { name: 'Fhir1\\Conn1', type: 'iomtConnector', parentId: 'P1', parentName: 'Fhir1', parentType: 'account', subscriptionId: 's' },
      [['ResourceGroupName', 'RG-1']],
    );
    expect(index).toStrictEqual({
      ResourceGroupName: 'rg-1',
      Name: 'fhir1\\conn1',
      Type: 'iomtconnector',
      ParentId: 'p1',
      ParentName: 'fhir1',
      ParentType: 'account',
    });
    expect(Object.keys(index)).toEqual(['ResourceGroupName', 'Name', 'Type', 'ParentId', 'ParentName', 'ParentType']);
  });

  it('skips absent and empty values', () => {
    expect(createSearchIndex([['AccountId', undefined], ['SubscriptionId', ''], ['Name', 'X']])).toStrictEqual({ Name: 'x' });
    expect(searchIndexValue('MiXeD')).toBe('mixed');
  });
});

describe('document helpers', () => {
  it('makes distinct 25-character ids of lowercase letters and digits', () => {
    const ids = new Set(Array.from({ length: 200 }, () => newDocumentId()));
    expect(ids.size).toBe(200);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]{25}$/);
  });

  it('soft-deletes with a ttl, leaving the original alone', () => {
    const doc: { id: string; name: string; deleted?: boolean; ttl?: number } = { id: 'a', name: 'n' };
    expect(markDeleted(doc)).toEqual({ id: 'a', name: 'n', deleted: true, ttl: DEFAULT_DELETED_TTL_SECONDS });
    expect(markDeleted(doc, 60).ttl).toBe(60);
    expect(doc).toEqual({ id: 'a', name: 'n' });
    expect([isLive(doc), isLive(markDeleted(doc))]).toEqual([true, false]);
  });
});
