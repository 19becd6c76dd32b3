import type { CallOptions } from './call-options';

/** A Stream Analytics job in an infrastructure subscription. */
export interface StreamAnalyticsJobRef {
  readonly subscriptionId: string;
  readonly resourceGroupName: string;
  readonly jobName: string;
}

/** New credentials of the job's Event Hub input. `sharedAccessPolicyKey` is a secret: never store or log it. */
export interface EventHubInputCredentials {
  readonly inputName: string;
  readonly serviceBusNamespace: string;
  readonly eventHubName: string;
  readonly sharedAccessPolicyName: string;
  readonly sharedAccessPolicyKey: string;
}

/** The outcome of an input connection test. */
export interface InputTestResult {
  readonly succeeded: boolean;
  readonly error?: { readonly code?: string; readonly message: string };
}

/**
 * Drives a Stream Analytics job through a key change (iomt.md §3): the job must be stopped to
 * change an input's credentials, then restarted from its last output so no event is lost.
 */
export interface StreamAnalyticsJobController {
  /** Stops the job and waits; a stopped job stays stopped. */
  stop(job: StreamAnalyticsJobRef, options?: CallOptions): Promise<void>;

  /** Starts the job with `outputStartMode: LastOutputEventTime` and waits. */
  startFromLastOutput(job: StreamAnalyticsJobRef, options?: CallOptions): Promise<void>;

  /** Replaces the Event Hub input's policy and key. The job must be stopped. */
  updateInputKey(job: StreamAnalyticsJobRef, input: EventHubInputCredentials, options?: CallOptions): Promise<void>;

  /** Tests the input's connection with its current credentials. */
  testInput(job: StreamAnalyticsJobRef, inputName: string, options?: CallOptions): Promise<InputTestResult>;
}

/** DI token of {@link StreamAnalyticsJobController}. */
export const STREAM_ANALYTICS_JOB_CONTROLLER = Symbol.for('@iomt/domain:StreamAnalyticsJobController');
