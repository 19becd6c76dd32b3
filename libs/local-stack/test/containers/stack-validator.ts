import type { ServiceConfigDefinition } from './app-config';
import { appServiceProblems, servicesBuilding } from './app-service-rules';
import type { ComposeDocument } from './compose-document';
import { buildProblems, dependencyProblems, serviceBusEmulatorProblems } from './infra-rules';

/** What the compose file is checked against. */
export interface StackExpectations {
  /** Workspace root; build contexts and volume sources resolve from it. */
  readonly root: string;
  /** The Service Bus entity file the in-repo emulator uses (absolute). */
  readonly serviceBusConfigFile: string;
  /** Each app's folder relative to root (`apps/gateway`) and its config definition. */
  readonly apps: ReadonlyMap<string, ServiceConfigDefinition>;
}

/**
 * Every problem of a compose document against the workspace: build contexts and Dockerfiles exist,
 * each app is built by exactly one service whose environment and port agree with the app's config
 * schema, dependencies exist and are waited for, and the Service Bus emulator reads the repo's entity file.
 * @returns one message a problem, each starting with the compose path it concerns; none when valid
 */
export function validateStack(doc: ComposeDocument, expected: StackExpectations): string[] {
  const problems = [
    ...buildProblems(doc, expected.root),
    ...dependencyProblems(doc, expected.root),
    ...serviceBusEmulatorProblems(doc, expected.root, expected.serviceBusConfigFile),
  ];
  for (const [folder, definition] of expected.apps) {
    const dockerfile = `${folder}/Dockerfile`;
    const names = servicesBuilding(doc, expected.root, dockerfile);
    if (names.length !== 1) {
      problems.push(`services: ${names.length === 0 ? 'no service builds' : `${names.join(', ')} all build`} ${dockerfile}`);
      continue;
    }
    problems.push(...appServiceProblems(doc, names[0]!, definition));
  }
  return problems;
}
