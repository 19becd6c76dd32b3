import type { CallRecord, FakeArm } from '@iomt/local-stack';

/** When the fake ARM carried out a deployment: from its PUT to its terminal state, in epoch ms. */
export interface DeploymentInterval {
  readonly name: string;
  readonly provisioningState: string;
  readonly startMs: number;
  /** NaN while the deployment has not ended. */
  readonly endMs: number;
}

/** The deployment of one operation's FHIR service template (its deterministic name). */
export function fhirDeploymentName(operationId: string): string {
  return `fhir-service-${operationId}`;
}

/** The deployments the fake ARM holds under a name, with their time span (start + `duration`). */
export function deploymentIntervals(arm: FakeArm, name: string): DeploymentInterval[] {
  return arm
    .deployments()
    .filter((d) => d.name === name)
    .map((d) => {
      const startMs = Date.parse(d.properties.timestamp);
      const seconds = /^PT([\d.]+)S$/.exec(d.properties.duration ?? '')?.[1];
      return { name: d.name, provisioningState: d.properties.provisioningState, startMs, endMs: seconds === undefined ? NaN : startMs + Number(seconds) * 1000 };
    });
}

/** The one deployment of a name; throws when there is none or more than one. */
export function onlyDeployment(arm: FakeArm, name: string): DeploymentInterval {
  const found = deploymentIntervals(arm, name);
  if (found.length !== 1) throw new Error(`Expected one deployment named ${name}, found ${found.length}`);
  return found[0];
}

/** The PUTs of a deployment name in the fake ARM's call log (a deployment started twice shows twice). */
export function deploymentPuts(arm: FakeArm, name: string): CallRecord[] {
  const suffix = `/providers/microsoft.resources/deployments/${name.toLowerCase()}`;
  return arm.calls().log.filter((call) => call.method === 'PUT' && call.path.toLowerCase().endsWith(suffix));
}

/** True when two time spans share an instant. */
export function overlaps(a: DeploymentInterval, b: DeploymentInterval): boolean {
  return a.startMs < b.endMs && b.startMs < a.endMs;
}
