import type { ConfigProblem } from './config-error';
import type { EnvironmentConfig, EnvironmentGroupConfig } from './config.schemas';

/** A validated environment and the file it came from. */
export interface EnvironmentFile {
  readonly file: string;
  readonly config: EnvironmentConfig;
}

/** Reports each value seen before under the same key (case-insensitive), naming where it was first. */
class FirstSeen {
  private readonly seen = new Map<string, string>();

  constructor(private readonly problems: ConfigProblem[]) {}

  check(value: string, file: string, path: string, what: string): void {
    const key = value.toLowerCase();
    const first = this.seen.get(key);
    if (first === undefined) this.seen.set(key, `${file} ${path}`);
    else this.problems.push({ file, path, message: `${what} ${value} is already used at ${first}` });
  }
}

/** Checks shared by every environment of a group (regions, subscriptions, global names). */
interface GroupChecks {
  readonly regions: FirstSeen;
  readonly subscriptions: FirstSeen;
  readonly globalNames: FirstSeen;
}

function checkEnvironment(
  { file, config }: EnvironmentFile,
  groupName: string,
  checks: GroupChecks,
  problems: ConfigProblem[],
): void {
  const expectedName = file.replace(/^.*\//, '').replace(/\.json$/, '');
  if (config.name !== expectedName)
    problems.push({ file, path: '$.name', message: `must be "${expectedName}", the file's name` });
  if (config.environmentGroup !== groupName) {
    problems.push({ file, path: '$.environmentGroup', message: `must be "${groupName}", the group that lists it` });
  }
  checks.regions.check(config.region, file, '$.region', 'region');
  config.infrastructureSubscriptions.forEach((subscription, s) => {
    const at = `$.infrastructureSubscriptions[${s}]`;
    checks.subscriptions.check(subscription.subscriptionId, file, `${at}.subscriptionId`, 'subscription');
    checks.globalNames.check(subscription.storageAccountName, file, `${at}.storageAccountName`, 'storage account name');
    const plans = new FirstSeen(problems);
    subscription.appServicePlans.forEach((plan, p) => {
      plans.check(plan.name, file, `${at}.appServicePlans[${p}].name`, 'App Service plan name');
      const agentPath = `${at}.appServicePlans[${p}].monitoringAgentAppName`;
      checks.globalNames.check(plan.monitoringAgentAppName, file, agentPath, 'App Service name');
    });
  });
}

/**
 * Rules across files of one environment group: names match file names, every environment belongs
 * to the group that lists it, one environment per region, a subscription serves one region (its
 * resource-group count is kept per region), and the names Azure makes global DNS names (storage
 * accounts, App Services) are used once.
 */
export function crossFileProblems(
  groupFile: string,
  group: EnvironmentGroupConfig,
  expectedGroupName: string,
  environments: readonly EnvironmentFile[],
): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  if (group.name !== expectedGroupName) {
    problems.push({ file: groupFile, path: '$.name', message: `must be "${expectedGroupName}", the file's name` });
  }
  const listed = new FirstSeen(problems);
  group.environments.forEach((name, i) => listed.check(name, groupFile, `$.environments[${i}]`, 'environment'));
  const checks = {
    regions: new FirstSeen(problems),
    subscriptions: new FirstSeen(problems),
    globalNames: new FirstSeen(problems),
  };
  for (const environment of environments) checkEnvironment(environment, expectedGroupName, checks, problems);
  return problems;
}
