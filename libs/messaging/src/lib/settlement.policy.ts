import { SERVICE_BUS_MAX_DEAD_LETTER_DESCRIPTION_LENGTH } from './constants';
import { describeFailure } from './failure';

/** What the server does with a message whose handler failed (golevelup `errorBehaviors`). */
export enum SettlementAction {
  /** Remove the message: the failure is final and nobody needs it again. */
  Complete = 'complete',
  /** Unlock it for redelivery; the broker dead-letters it after `MaxDeliveryCount`. */
  Abandon = 'abandon',
  /** Move it to the dead-letter queue now, with a reason and a description. */
  DeadLetter = 'deadLetter',
}

/** The settlement chosen for a failed message. */
export type SettlementDecision =
  | { readonly action: SettlementAction.Complete }
  | { readonly action: SettlementAction.Abandon }
  | { readonly action: SettlementAction.DeadLetter; readonly reason: string; readonly description: string };

/** Maps a handler's failure to a settlement. */
export type SettlementPolicy = (error: unknown) => SettlementDecision;

/** Options of {@link createSettlementPolicy}. */
export interface SettlementPolicyOptions {
  /**
   * What to do with errors that do not classify themselves (bugs, unexpected library errors, and
   * everything Nest's default exception filter reduces to "Internal server error"). Abandon by
   * default: a passing failure then heals by itself, and a persistent one still ends in the
   * dead-letter queue once the entity's `MaxDeliveryCount` is reached, as the SDK does when a
   * `processMessage` callback throws.
   */
  readonly onUnknownError?: SettlementAction;
}

/** The reason recorded when an unclassified error is dead-lettered. */
export const UNCLASSIFIED_ERROR_REASON = 'UnhandledError';

/**
 * The default settlement rules: retryable errors abandon, other classified errors (a
 * non-retryable `DomainError`, a remote error) dead-letter with their code as the reason and
 * their message as the description; unclassified errors follow `onUnknownError`.
 */
export function createSettlementPolicy(options: SettlementPolicyOptions = {}): SettlementPolicy {
  const onUnknown = options.onUnknownError ?? SettlementAction.Abandon;
  return (error) => {
    const failure = describeFailure(error);
    if (failure === undefined) {
      return onUnknown === SettlementAction.DeadLetter
        ? deadLetter(UNCLASSIFIED_ERROR_REASON, unclassifiedDescription(error))
        : { action: onUnknown === SettlementAction.Complete ? SettlementAction.Complete : SettlementAction.Abandon };
    }
    return failure.retryable ? { action: SettlementAction.Abandon } : deadLetter(failure.code, failure.message);
  };
}

// The text of an unexpected error may hold anything (a URL with a key, a payload), so the broker
// only gets its class name; the service log has the rest.
function unclassifiedDescription(error: unknown): string {
  const name = error instanceof Error ? error.name : typeof error;
  return `${name}; the error text is in the service log`;
}

/** A dead-letter decision with the description cut to what the broker is asked to keep. */
export function deadLetter(reason: string, description: string): SettlementDecision {
  return {
    action: SettlementAction.DeadLetter,
    reason,
    description: description.slice(0, SERVICE_BUS_MAX_DEAD_LETTER_DESCRIPTION_LENGTH),
  };
}

/** The policy used when none is configured. */
export const defaultSettlementPolicy: SettlementPolicy = createSettlementPolicy();

/**
 * How a request that has been answered with its error reply is settled: completed where the policy
 * says abandon (the requester owns retries), otherwise as the policy says.
 */
export function settlementOfAnsweredRequest(decision: SettlementDecision): SettlementDecision {
  return decision.action === SettlementAction.Abandon ? { action: SettlementAction.Complete } : decision;
}
