import * as ports from '.';

describe('port tokens', () => {
  const tokens = Object.entries(ports).filter((entry) => typeof entry[1] === 'symbol') as Array<[string, symbol]>;

  it('exports one distinct registry symbol per port', () => {
    expect(tokens.map(([name]) => name).sort()).toEqual([
      'ACCOUNT_REGISTRY_MANAGEMENT_REPOSITORY',
      'ACCOUNT_REGISTRY_READ_REPOSITORY',
      'CLOCK',
      'CLUSTER_METADATA_REPOSITORY',
      'KEY_MANAGER',
      'KEY_VAULT_SECRET_WRITER',
      'MAPPING_STORE',
      'OPERATION_PUBLISHER',
      'OPERATION_REPOSITORY',
      'RESOURCE_DEPLOYER',
      'SECRET_METADATA_REPOSITORY',
      'STREAM_ANALYTICS_JOB_CONTROLLER',
    ]);
    expect(new Set(tokens.map(([, token]) => token)).size).toBe(tokens.length);
    for (const [, token] of tokens) expect(Symbol.keyFor(token)).toMatch(/^@iomt\/domain:[A-Z]\w+$/);
  });
});
