import type { StepOutcome, WalkStep } from './walk-step';

/** How a step ended, for printing. */
export interface StepReport {
  readonly index: number;
  readonly title: string;
  readonly ms: number;
  readonly outcome?: StepOutcome;
  readonly error?: string;
}

/**
 * Runs steps in order, reporting each as it ends; stops at the first that fails (the later ones
 * build on it). Resolves true when every step passed.
 */
export async function runWalk(steps: readonly WalkStep[], report: (step: StepReport) => void): Promise<boolean> {
  for (const [index, step] of steps.entries()) {
    const started = performance.now();
    try {
      const outcome = await step.run();
      report({ index, title: step.title, ms: performance.now() - started, outcome });
    } catch (error) {
      report({ index, title: step.title, ms: performance.now() - started, error: error instanceof Error ? error.message : String(error) });
      return false;
    }
  }
  return true;
}

/** One line per step: `[ 1/13] Create the FHIR service: 201 -> Succeeded (2.3 s)`. */
export function formatStep(step: StepReport, total: number): string {
  const counter = `[${String(step.index + 1).padStart(String(total).length)}/${total}]`;
  const seconds = `(${(step.ms / 1000).toFixed(1)} s)`;
  if (step.error !== undefined) return `${counter} ${step.title}: FAILED ${seconds}: ${step.error}`;
  const { status, provisioningState, note } = step.outcome ?? { status: 0 };
  const state = provisioningState === undefined ? '' : ` -> ${provisioningState}`;
  return `${counter} ${step.title}: ${status}${state}${note === undefined ? '' : `, ${note}`} ${seconds}`;
}
