import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultPort, settingsShape, type ServiceConfigDefinition } from './app-config';
import { parseStages } from './dockerfile';
import { dockerfileProblems, type ImageExpectations } from './dockerfile-rules';
import { APP_FOLDERS, WORKSPACE_ROOT, loadAppDefinitions } from './workspace-fixture';

const read = (path: string) => readFileSync(join(WORKSPACE_ROOT, path), 'utf8');

let apps: Map<string, ServiceConfigDefinition>;
beforeAll(async () => {
  apps = await loadAppDefinitions();
});

/** A service image listens on its app's default port, on every interface, and is probed on /healthz. */
function serviceImage(folder: string): ImageExpectations {
  const port = defaultPort(settingsShape(apps.get(folder)!.configSchema));
  return { port, healthPath: '/healthz', env: { HOST: '0.0.0.0', PORT: String(port), NODE_ENV: 'production' } };
}

describe('the services’ Dockerfiles', () => {
  it.each(APP_FOLDERS)('%s/Dockerfile follows the image rules for its default port', (folder) => {
    expect(dockerfileProblems(read(`${folder}/Dockerfile`), serviceImage(folder))).toEqual([]);
  });

  it.each(APP_FOLDERS)('%s/Dockerfile compiles and starts its own app', (folder) => {
    const text = read(`${folder}/Dockerfile`);
    expect(text).toContain(`scripts/container-build/build-service.js ${folder} /out`);
    expect(text).toContain(`CMD ["node", "${folder}/src/main.js"]`);
  });

  it('the fake ARM image follows the same rules, probed on its inspection route', () => {
    const expected = { port: 9090, healthPath: '/_fake/', env: { FAKE_ARM_PORT: '9090', NODE_ENV: 'production' } };
    expect(dockerfileProblems(read('libs/local-stack/Dockerfile.fake-arm'), expected)).toEqual([]);
  });
});

describe('the Dockerfile rules reject a broken image', () => {
  const gateway = () => read('apps/gateway/Dockerfile');
  const expected = (): ImageExpectations => serviceImage('apps/gateway');

  it.each<[string, (text: string) => string, string]>([
    ['no USER', (t) => t.replace(/^USER .*$/m, ''), 'the final stage has no USER (it would run as root)'],
    ['USER root', (t) => t.replace(/^USER .*$/m, 'USER root'), 'the final stage runs as root (USER root)'],
    ['USER 0:0', (t) => t.replace(/^USER .*$/m, 'USER 0:0'), 'the final stage runs as root (USER 0:0)'],
    ['one stage', (t) => t.slice(0, t.indexOf('FROM ${NODE_RUNTIME_IMAGE}')).replace(/COPY --from=build.*$/m, ''), 'a single stage'],
    ['no HEALTHCHECK', (t) => t.replace(/^HEALTHCHECK[\s\S]*?\n(?=STOPSIGNAL)/m, ''), 'the final stage has no HEALTHCHECK'],
    ['HEALTHCHECK NONE', (t) => t.replace(/^HEALTHCHECK[\s\S]*?\n(?=STOPSIGNAL)/m, 'HEALTHCHECK NONE\n'), 'the final stage has no HEALTHCHECK'],
    ['a health check on another path', (t) => t.replace('/healthz', '/'), 'the HEALTHCHECK does not request /healthz'],
    ['dev dependencies copied from the build', (t) => t.replace('npm ci --omit=dev', 'npm ci'), 'copies from stage "build", whose last npm ci keeps dev dependencies'],
    ['dev dependencies installed in the final stage', (t) => t.replace('USER 1000:1000', 'RUN npm ci\nUSER 1000:1000'), 'the final stage installs dev dependencies'],
    ['another port exposed', (t) => t.replace('EXPOSE 8080', 'EXPOSE 3000'), 'EXPOSE 3000 does not include 8080'],
    ['loopback HOST', (t) => t.replace('HOST=0.0.0.0', 'HOST=127.0.0.1'), 'ENV HOST is 127.0.0.1, expected 0.0.0.0'],
    ['no PORT default', (t) => t.replace(/PORT=8080/, 'UNUSED=1'), 'ENV PORT is unset, expected 8080'],
  ])('%s', (_case, change, message) => {
    const text = change(gateway());
    expect(text).not.toBe(gateway());
    expect(dockerfileProblems(text, expected())).toEqual(expect.arrayContaining([expect.stringContaining(message)]));
  });

  it('reports a file without FROM', () => {
    expect(dockerfileProblems('# nothing\nRUN true\n', expected())).toEqual(['no FROM instruction']);
  });
});

describe('parseStages', () => {
  it('joins continuation lines, drops comments and names stages case-insensitively', () => {
    const stages = parseStages('ARG BASE=node:20\nFROM ${BASE} as Build\n# note\nRUN a \\\n  && b\nFROM scratch\nUSER 1000\n');
    expect(stages).toEqual([
      { from: '${BASE}', name: 'build', instructions: [{ keyword: 'RUN', args: 'a && b' }] },
      { from: 'scratch', name: undefined, instructions: [{ keyword: 'USER', args: '1000' }] },
    ]);
  });
});
