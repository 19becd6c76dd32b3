import { z } from 'zod';
import { type ArmErrorDetail, invalidRequestContent } from './arm-error';
import { parseBody } from './body-schema';
import { isJsonObject } from './json-merge';

const regex = z.string().refine((s) => isRegex(s), { message: 'must be a valid regular expression' });

/** Fault settings; every field can be changed at run time (a partial update merges). */
export const faultSettingsSchema = z.strictObject({
  /** Delay before every ARM response, in ms. */
  latencyMs: z.number().int().min(0).max(60_000),
  /** Fraction (0..1) of write requests (PUT, PATCH, POST, DELETE) answered 500. */
  failureRate: z.number().min(0).max(1),
  /** The next N write requests are answered 500. */
  failNextWrites: z.number().int().min(0),
  /** Fraction (0..1) of requests answered 429. */
  throttleRate: z.number().min(0).max(1),
  /** The next N requests are answered 429. */
  throttleNext: z.number().int().min(0),
  /** The `Retry-After` of a 429, in seconds. */
  retryAfterSeconds: z.number().int().min(0).max(600),
  /** When set, the four request faults above only hit paths matching this (case-insensitive) regex. */
  pathPattern: regex.nullable(),
  /** Deployments whose name matches this regex end `Failed`. */
  failDeploymentsMatching: regex.nullable(),
  /** The next N deployments end `Failed`. */
  failNextDeployments: z.number().int().min(0),
  /** How many reads (polls) a long-running operation stays in progress before it completes. */
  lroReadsBeforeDone: z.number().int().min(0).max(100),
  /** Seed of the random draws behind the rates, so a run can be repeated. */
  seed: z.number().int(),
});

/** The fault settings of a fake ARM. */
export type FakeArmFaults = z.infer<typeof faultSettingsSchema>;

/** No faults; long-running operations answer "in progress" once before they complete. */
export const NO_FAULTS: FakeArmFaults = {
  latencyMs: 0,
  failureRate: 0,
  failNextWrites: 0,
  throttleRate: 0,
  throttleNext: 0,
  retryAfterSeconds: 0,
  pathPattern: null,
  failDeploymentsMatching: null,
  failNextDeployments: 0,
  lroReadsBeforeDone: 1,
  seed: 1,
};

/** What the fault injector decided for one request. */
export interface FaultDecision {
  readonly latencyMs: number;
  readonly fault?: 'throttled' | 'failed';
}

const WRITE_METHODS = new Set(['PUT', 'PATCH', 'POST', 'DELETE']);

/** Decides, request by request, which faults to inject. */
export class FaultInjector {
  private current: FakeArmFaults;
  private random: () => number;

  constructor(private readonly initial: FakeArmFaults) {
    this.current = initial;
    this.random = seededRandom(initial.seed);
  }

  /** Validates and parses a partial update without applying it (throws a 400 ArmError). */
  static parse(update: unknown, base: FakeArmFaults = NO_FAULTS): FakeArmFaults {
    if (!isJsonObject(update)) throw invalidRequestContent('The fault settings must be a JSON object.');
    return parseBody(faultSettingsSchema, { ...base, ...update }, 'fault settings');
  }

  get settings(): FakeArmFaults {
    return { ...this.current };
  }

  /** Merges a partial update (validated); a new seed restarts the random draws. */
  update(update: unknown): FakeArmFaults {
    const next = FaultInjector.parse(update, this.current);
    if (next.seed !== this.current.seed) this.random = seededRandom(next.seed);
    this.current = next;
    return this.settings;
  }

  /** Back to the settings the server started with. */
  reset(): void {
    this.current = this.initial;
    this.random = seededRandom(this.initial.seed);
  }

  decide(method: string, path: string): FaultDecision {
    const { latencyMs, pathPattern } = this.current;
    if (pathPattern && !new RegExp(pathPattern, 'i').test(path)) return { latencyMs };
    if (this.take('throttleNext') || this.draw(this.current.throttleRate)) return { latencyMs, fault: 'throttled' };
    if (WRITE_METHODS.has(method) && (this.take('failNextWrites') || this.draw(this.current.failureRate))) {
      return { latencyMs, fault: 'failed' };
    }
    return { latencyMs };
  }

  /** The error a new deployment must end with, if a fault says so. */
  deploymentFailure(name: string): ArmErrorDetail | undefined {
    const pattern = this.current.failDeploymentsMatching;
    if (!(pattern && new RegExp(pattern, 'i').test(name)) && !this.take('failNextDeployments')) return undefined;
    return { code: 'InjectedDeploymentFailure', message: `The fake ARM failed deployment '${name}' on request.` };
  }

  readsBeforeDone(): number {
    return this.current.lroReadsBeforeDone;
  }

  private take(counter: 'throttleNext' | 'failNextWrites' | 'failNextDeployments'): boolean {
    if (this.current[counter] <= 0) return false;
    this.current = { ...this.current, [counter]: this.current[counter] - 1 };
    return true;
  }

  private draw(rate: number): boolean {
    return rate > 0 && this.random() < rate;
  }
}

/** mulberry32: a tiny seeded generator, for repeatable fault draws (and the load tool's repeatable workloads). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function isRegex(source: string): boolean {
  try {
    new RegExp(source);
    return true;
  } catch {
    return false;
  }
}
