import { REPO_DEPLOY_DIR, writeConfigDir } from '../../test/config-fixture';
import { createArmDeployer } from './arm-deployer.factory';
import { runCli } from './run-cli';

/** Runs the CLI with no servers: every case here ends before any network I/O. */
async function cli(argv: string[], env: NodeJS.ProcessEnv = { COSMOS_KEY: 'a2V5' }) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, {
    env,
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    createDeployer: createArmDeployer,
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('runCli exit codes and messages', () => {
  it('prints the usage on --help and exits 0', async () => {
    expect(await cli(['--help'])).toMatchObject({ code: 0, out: expect.stringContaining('Usage: npm run deploy --') });
  });

  it.each<[string, string[], NodeJS.ProcessEnv | undefined, string]>([
    ['a missing --env', ['open-region'], undefined, 'error: --env is required'],
    ['a missing COSMOS_KEY', ['open-region', '--env', 'test'], {}, 'error: COSMOS_KEY must be set'],
    [
      'Azure without a bearer token',
      ['open-region', '--env', 'test', '--config-dir', REPO_DEPLOY_DIR],
      undefined,
      'error: ARM_ACCESS_TOKEN must be set',
    ],
  ])('exits 2 with the usage on %s', async (_case, argv, env, message) => {
    const run = await cli(argv, env);
    expect(run.code).toBe(2);
    expect(run.err).toContain(message);
    expect(run.err).toContain('Usage: npm run deploy --');
  });

  it('exits 1 on a bad configuration, naming the file and field once', async () => {
    const dir = await writeConfigDir((f) => (f.group.monitoring.account = ''));
    try {
      const run = await cli(['open-region', '--env', 'fixture', '--config-dir', dir.path]);
      expect(run.code).toBe(1);
      expect(run.err).toBe(
        'error: InvalidDeploymentConfiguration: The deployment configuration is invalid:\n' +
          '  environmentGroups/fixture.json $.monitoring.account: must not be empty',
      );
    } finally {
      await dir.remove();
    }
  });
});
