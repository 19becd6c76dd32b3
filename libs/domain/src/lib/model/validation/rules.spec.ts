import { z } from 'zod';
import {
  documentId,
  eventHubName,
  guid,
  httpUrl,
  isoDateTime,
  keyVaultSecretName,
  resourceGroupName,
  sharedAccessPolicyName,
  storageContainerName,
  subscriptionId,
  tags,
  text,
  ttlSeconds,
} from './rules';
import { problemsOf } from './zod-validation';

const ok = (schema: z.ZodType, value: unknown) => problemsOf(schema, value).length === 0;

describe.each<[string, () => z.ZodType, unknown[], unknown[]]>([
  ['guid', guid, ['c243745d-50bb-48d1-9e62-3f72efb3166c', 'C243745D-50BB-48D1-9E62-3F72EFB3166C'], ['c243745d50bb48d19e623f72efb3166c', '{c243745d-50bb-48d1-9e62-3f72efb3166c}', 'x', '']],
  ['subscriptionId', subscriptionId, ['c243745d-50bb-48d1-9e62-3f72efb3166c'], ['sub1', '', 7]],
  ['text', text, ['a', ' a '], ['', '   ', '\t\n']],
  ['isoDateTime', isoDateTime, ['2020-02-18T10:00:00Z', '2020-02-18T10:00:00.000Z', '2020-02-18T10:00:00.1234567+01:00'], ['2020-02-18', '2020-02-18T10:00:00', 'Tue, 18 Feb 2020 10:00:00 GMT', 1582020000000]],
  ['documentId', documentId, ['hlvtf8c5mk3fjreha6tjexqu7', 'a-b_c.d', 'x'.repeat(255)], ['', 'a/b', 'a\\b', 'a?b', 'a#b', 'x'.repeat(256)]],
  ['resourceGroupName', resourceGroupName, ['rg', 'rg-Customer_1.(x)', 'Ressourcengruppe-ä', 'x'.repeat(90)], ['', 'rg.', 'rg/1', 'rg 1', 'x'.repeat(91)]],
  ['ttlSeconds', ttlSeconds, [-1, 1, 604800], [0, -2, 1.5, '60']],
  ['httpUrl', httpUrl, ['https://login.microsoftonline.com/tenant', 'http://localhost:8080'], ['ftp://host/file', 'login.microsoftonline.com', '']],
  ['eventHubName', eventHubName, ['deviceinput', 'a', 'device.input_1-x'], ['', '-device', 'device-', 'device input', 'x'.repeat(257)]],
  ['sharedAccessPolicyName', sharedAccessPolicyName, ['reader', 'device-writer.1_x'], ['', 'writer policy', 'w/1']],
  ['storageContainerName', storageContainerName, ['template', 'abc', 'a-b-c', 'x'.repeat(63)], ['ab', 'Template', '-abc', 'abc-', 'a--b', 'x'.repeat(64)]],
  ['keyVaultSecretName', keyVaultSecretName, ['blob-storage-cs', 'A1'], ['', 'blob_storage', 'blob.storage', 'x'.repeat(128)]],
])('%s', (_name, schema, good, bad) => {
  it.each(good)('accepts %j', (value) => {
    expect(ok(schema(), value)).toBe(true);
  });
  it.each(bad)('rejects %j', (value) => {
    expect(ok(schema(), value)).toBe(false);
  });
});

describe('tags', () => {
  it('accepts up to 50 tags', () => {
    const fifty = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, 'v']));
    expect(problemsOf(tags(), fifty)).toEqual([]);
  });

  it('reports each bad tag by its name', () => {
    const value = { 'a/b': 'v', ['k'.repeat(513)]: 'v', long: 'v'.repeat(257), fine: 'v' };
    expect(problemsOf(tags(), value)).toEqual([
      { path: '["a/b"]', message: 'tag name must not contain <, >, %, &, \\, ? or /' },
      { path: 'k'.repeat(513), message: 'tag name must be 1-512 characters long' },
      { path: 'long', message: 'tag value must be at most 256 characters long' },
    ]);
  });

  it('rejects more than 50 tags and non-string values', () => {
    const many = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, 'v']));
    expect(problemsOf(tags(), many)).toEqual([{ path: '', message: 'must have at most 50 tags' }]);
    expect(problemsOf(tags(), { a: 1 })).toEqual([{ path: 'a', message: 'must be a string' }]);
  });
});
