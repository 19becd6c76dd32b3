import { parseStages, stageEnv, type DockerStage } from './dockerfile';

/** What a service image must declare. */
export interface ImageExpectations {
  /** The port the process listens on: `EXPOSE` and the `PORT`-like default. */
  readonly port: number;
  /** Path the `HEALTHCHECK` requests (`/healthz` for the services). */
  readonly healthPath: string;
  /** `ENV` defaults the final stage must set, e.g. `{ HOST: '0.0.0.0', PORT: '8080' }`. */
  readonly env: Readonly<Record<string, string>>;
}

const ROOT_USERS = new Set(['root', '0', 'root:root', '0:0']);
const INSTALL = /\bnpm\s+(?:ci|install|i)\b[^&;|]*/g;

const args = (stage: DockerStage, keyword: string) => stage.instructions.filter((i) => i.keyword === keyword).map((i) => i.args);

/** Every `npm ci`/`npm install` of a stage leaves dev dependencies out. */
function installsProductionOnly(stage: DockerStage): boolean {
  const installs = args(stage, 'RUN').flatMap((run) => run.match(INSTALL) ?? []);
  return installs.every((install) => /--omit[= ]dev\b|--production\b/.test(install));
}

/** Problems of the final stage's dependencies: its own installs and the stages it copies from. */
function dependencyProblems(stages: readonly DockerStage[], final: DockerStage): string[] {
  const problems: string[] = [];
  if (!installsProductionOnly(final)) problems.push('the final stage installs dev dependencies (npm ci without --omit=dev)');
  for (const copy of args(final, 'COPY')) {
    const source = /--from=(\S+)/.exec(copy)?.[1]?.toLowerCase();
    const stage = stages.find((s) => s.name === source);
    if (source !== undefined && stage !== undefined && !lastInstallIsProduction(stage)) {
      problems.push(`the final stage copies from stage "${source}", whose last npm ci keeps dev dependencies`);
    }
  }
  return problems;
}

function lastInstallIsProduction(stage: DockerStage): boolean {
  const installs = args(stage, 'RUN').flatMap((run) => run.match(INSTALL) ?? []);
  const last = installs.at(-1);
  return last === undefined || /--omit[= ]dev\b|--production\b/.test(last);
}

function userProblems(final: DockerStage): string[] {
  const user = args(final, 'USER').at(-1);
  if (user === undefined) return ['the final stage has no USER (it would run as root)'];
  return ROOT_USERS.has(user.trim()) ? [`the final stage runs as root (USER ${user})`] : [];
}

function healthProblems(final: DockerStage, expected: ImageExpectations): string[] {
  const check = args(final, 'HEALTHCHECK').at(-1);
  if (check === undefined || /^NONE$/i.test(check.trim())) return ['the final stage has no HEALTHCHECK'];
  return check.includes(expected.healthPath) ? [] : [`the HEALTHCHECK does not request ${expected.healthPath}`];
}

function portAndEnvProblems(final: DockerStage, expected: ImageExpectations): string[] {
  const problems: string[] = [];
  const exposed = args(final, 'EXPOSE').flatMap((a) => a.split(/\s+/)).map((p) => Number(p.replace(/\/tcp$/, '')));
  if (!exposed.includes(expected.port)) problems.push(`EXPOSE ${exposed.join(' ') || '(none)'} does not include ${expected.port}`);
  const env = stageEnv(final);
  for (const [name, value] of Object.entries(expected.env)) {
    if (env.get(name) !== value) problems.push(`ENV ${name} is ${env.get(name) ?? 'unset'}, expected ${value}`);
  }
  return problems;
}

/**
 * The rules every service image follows: multi-stage, final stage without dev dependencies,
 * a non-root USER, a HEALTHCHECK on the health path, the service's port exposed and its ENV defaults.
 * @returns one message a broken rule, none when the Dockerfile follows them all
 */
export function dockerfileProblems(text: string, expected: ImageExpectations): string[] {
  const stages = parseStages(text);
  const final = stages.at(-1);
  if (final === undefined) return ['no FROM instruction'];
  return [
    ...(stages.length < 2 ? [`a single stage: the image would carry the build's dev dependencies`] : []),
    ...dependencyProblems(stages, final),
    ...userProblems(final),
    ...healthProblems(final, expected),
    ...portAndEnvProblems(final, expected),
  ];
}
