import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listFilesRecursively } from './list-files';
import { WORKSPACE_ROOT } from './workspace-fixture';

const BUILD_SCRIPT = join(WORKSPACE_ROOT, 'scripts/container-build/build-service.js');

/** Runs the build script the Dockerfiles run, as they run it. */
function build(...args: string[]) {
  return spawnSync(process.execPath, [BUILD_SCRIPT, ...args], { cwd: WORKSPACE_ROOT, encoding: 'utf8' });
}

describe('scripts/container-build/build-service.js', () => {
  let out: string;
  const readJson = (path: string) => JSON.parse(readFileSync(join(out, path), 'utf8')) as Record<string, unknown>;

  beforeAll(() => {
    out = join(mkdtempSync(join(tmpdir(), 'container-build-')), 'key-rotator');
    const result = build('apps/key-rotator', out);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  afterAll(() => rmSync(join(out, '..'), { recursive: true, force: true }));

  it('compiles the app and the workspace libraries it imports, and nothing else', () => {
    expect(existsSync(join(out, 'apps/key-rotator/src/main.js'))).toBe(true);
    for (const lib of ['domain', 'contracts', 'messaging', 'persistence', 'azure', 'service-kit']) {
      expect(existsSync(join(out, 'libs', lib, 'src/index.js'))).toBe(true);
    }
    expect(existsSync(join(out, 'libs/local-stack/src'))).toBe(false);
    expect(existsSync(join(out, 'apps/gateway/src'))).toBe(false);
  });

  it('leaves specs and TypeScript out', () => {
    const files = listFilesRecursively(out);
    expect(files.filter((f) => /\.spec\.js$|\.ts$/.test(f))).toEqual([]);
  });

  it('emits decorator metadata, which NestJS injection reads', () => {
    const compiled = listFilesRecursively(join(out, 'apps/key-rotator/src')).filter((f) => f.endsWith('.js'));
    const withMetadata = compiled.filter((f) => readFileSync(f, 'utf8').includes('"design:paramtypes"'));
    expect(withMetadata.length).toBeGreaterThan(0);
  });

  it('points compiled workspace packages at JavaScript and keeps every workspace manifest for npm ci', () => {
    expect(readJson('libs/service-kit/package.json')).toMatchObject({ main: 'src/index.js', exports: { '.': './src/index.js', './testing': './src/testing/index.js' } });
    expect(readJson('libs/service-kit/package.json')).not.toHaveProperty('types');
    expect(readJson('apps/gateway/package.json')).toMatchObject({ main: 'src/main.ts' });
    expect(readJson('package.json')).not.toHaveProperty('scripts');
    expect(readFileSync(join(out, 'package-lock.json'), 'utf8')).toBe(readFileSync(join(WORKSPACE_ROOT, 'package-lock.json'), 'utf8'));
  });

  it('keeps the patches of production packages only (patch-package fails on an absent package)', () => {
    const lock = JSON.parse(readFileSync(join(WORKSPACE_ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dev?: boolean }> };
    const isDev = (patch: string) => lock.packages[`node_modules/${patch.split('+').slice(0, -1).join('/')}`]?.dev === true;
    const all = readdirSync(join(WORKSPACE_ROOT, 'patches'));
    expect(all.some(isDev)).toBe(true);
    expect(readdirSync(join(out, 'patches')).sort()).toEqual(all.filter((patch) => !isDev(patch)).sort());
  });

  it('refuses an entry that reaches a dev-only package, naming the file and the package', () => {
    const target = join(out, '..', 'local-stack');
    const result = build('libs/local-stack', target);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('libs/local-stack/src/index.ts reaches imports a production image cannot load');
    expect(result.stderr).toContain('libs/local-stack/src/azurite/start-azurite.ts: imports azurite, which is not a production dependency');
    expect(result.stderr).toContain('imports @vercel/cosmosdb-server');
    expect(existsSync(target)).toBe(false);
  });

  it('builds the fake ARM from its CLI, which reaches production packages only', () => {
    const result = build('libs/local-stack', join(out, '..', 'fake-arm'), 'libs/local-stack/src/fake-arm/cli.ts');
    expect(result.status).toBe(0);
    expect(existsSync(join(out, '..', 'fake-arm', 'libs/local-stack/src/fake-arm/cli.js'))).toBe(true);
  });

  it.each([
    [[], 'usage: node scripts/container-build/build-service.js'],
    [['apps/no-such-app', join(tmpdir(), 'unused')], 'apps/no-such-app has no src folder'],
    [['apps/key-rotator', join(tmpdir(), 'unused'), 'apps/key-rotator/src/no-such-entry.ts'], 'entry apps/key-rotator/src/no-such-entry.ts does not exist'],
  ])('refuses %j with a clear message and exit code 1', (args, message) => {
    const result = build(...args);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`build-service: ${message}`);
  });
});
