import { parseCliArguments, UsageError } from './cli-options';

describe('parseCliArguments', () => {
  it('parses a full command line', () => {
    const request = parseCliArguments([
      'deploy-environment',
      '--env',
      'prod',
      '--region',
      'westus2,uksouth',
      '--region',
      'North Central US',
      '--what-if',
      '--arm-endpoint',
      'http://127.0.0.1:7000',
      '--cosmos-endpoint',
      'https://127.0.0.1:8081',
      '--cosmos-database',
      'db1',
      '--cosmos-tls-verify',
      'false',
      '--config-dir',
      'cfg',
      '--settings-dir',
      'out',
    ]);
    expect(request).toEqual({
      help: false,
      options: {
        command: 'deploy-environment',
        env: 'prod',
        regions: ['westus2', 'uksouth', 'North Central US'],
        whatIf: true,
        armEndpoint: 'http://127.0.0.1:7000',
        cosmosEndpoint: 'https://127.0.0.1:8081',
        cosmosDatabase: 'db1',
        cosmosTlsVerify: false,
        configDir: 'cfg',
        settingsDir: 'out',
      },
    });
  });

  it('fills the defaults', () => {
    expect(parseCliArguments(['open-region', '--env', 'test'])).toMatchObject({
      options: { regions: [], whatIf: false, cosmosTlsVerify: true, settingsDir: 'dist/deploy/settings' },
    });
    expect(parseCliArguments(['--help'])).toEqual({ help: true });
  });

  it.each<[string, string[], string]>([
    ['no command', ['--env', 'test'], 'the command must be open-region or deploy-environment'],
    ['an unknown command', ['close-region', '--env', 'test'], 'the command must be open-region or deploy-environment'],
    ['no --env', ['open-region'], '--env is required'],
    ['a bad group name', ['open-region', '--env', 'Test/../x'], '--env must be an environment group name such as test'],
    ['an unknown option', ['open-region', '--env', 'test', '--force'], "Unknown option '--force'"],
    [
      'a bad ARM endpoint',
      ['open-region', '--env', 'test', '--arm-endpoint', 'localhost:7000'],
      '--arm-endpoint must be an http(s) URL',
    ],
    [
      'a bad TLS flag',
      ['open-region', '--env', 'test', '--cosmos-tls-verify', 'maybe'],
      '--cosmos-tls-verify must be true or false',
    ],
    ['an extra argument', ['open-region', 'westus2', '--env', 'test'], 'unexpected arguments: westus2'],
  ])('refuses %s', (_case, argv, message) => {
    expect(() => parseCliArguments(argv)).toThrow(UsageError);
    expect(() => parseCliArguments(argv)).toThrow(message);
  });
});
