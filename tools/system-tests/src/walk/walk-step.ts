import type { ArmClient, LroResult } from '../arm-client';

/** What a step of a walk saw: the first status code, the terminal provisioningState, a remark. */
export interface StepOutcome {
  readonly status: number;
  readonly provisioningState?: string;
  readonly note?: string;
}

/** One step of a walk through the gateway. */
export interface WalkStep {
  readonly title: string;
  /** Runs the step; throws {@link WalkStepError} when the system does not answer as it should. */
  run(): Promise<StepOutcome>;
}

/** A step whose answer is not the one the ARM contract and the product call for. */
export class WalkStepError extends Error {
  override readonly name = 'WalkStepError';
}

type Resource = { properties?: { provisioningState?: string }; tags?: Record<string, string> };

/** Checks a long-running write ended Succeeded, its first answer was one of `initial`, and the resource says so. */
export function expectSucceeded(result: LroResult<unknown>, initial: readonly number[]): StepOutcome {
  if (!initial.includes(result.initial.status)) throw new WalkStepError(`answered ${result.initial.status}, expected ${initial.join(' or ')}`);
  if (result.status !== 'Succeeded') {
    throw new WalkStepError(`the operation ended ${result.status}: ${JSON.stringify(result.operation?.error ?? result.final.body)}`);
  }
  const provisioningState = (result.final.body as Resource | undefined)?.properties?.provisioningState;
  if (result.final.status < 400 && provisioningState !== undefined && provisioningState !== 'Succeeded') {
    throw new WalkStepError(`the operation Succeeded but the resource is ${provisioningState}`);
  }
  return { status: result.initial.status, provisioningState: result.status };
}

/** Checks a resource is gone: GET answers 404. */
export async function expectGone(client: ArmClient, path: string, apiVersion: string): Promise<void> {
  const response = await client.request('GET', client.url(path, apiVersion));
  if (response.status !== 404) throw new WalkStepError(`GET after the delete answered ${response.status}, expected 404`);
}

/** Checks the resource carries exactly `tags`. */
export function expectTags(result: LroResult<unknown>, tags: Record<string, string>): void {
  const actual = (result.final.body as Resource | undefined)?.tags ?? {};
  const sorted = (t: Record<string, string>) => JSON.stringify(Object.entries(t).sort(([a], [b]) => a.localeCompare(b)));
  if (sorted(actual) !== sorted(tags)) throw new WalkStepError(`tags are ${JSON.stringify(actual)}, expected ${JSON.stringify(tags)}`);
}
