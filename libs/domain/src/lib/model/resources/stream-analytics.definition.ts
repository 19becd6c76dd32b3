import { z } from 'zod';
import { infrastructureResourceShape } from '../common/infrastructure';
import { caseInsensitiveEnum } from '../validation/enum-schemas';
import { withCrossFieldRules } from '../validation/cross-field-rule';
import { eventHubName, sharedAccessPolicyName, text } from '../validation/rules';
import { jobWindowCeilingProblem, jobWindowUnitSchema } from './stream-analytics-window';

/** Streaming units the iomt-fhir template allows: 1, 3, then every multiple of 6 up to 120. */
export const STREAMING_UNIT_OPTIONS: readonly number[] = [1, 3, ...Array.from({ length: 20 }, (_, i) => (i + 1) * 6)];

/** Stream Analytics `OutputStartMode` values (iomt.md §3). */
export const OUTPUT_START_MODES = ['JobStartTime', 'CustomTime', 'LastOutputEventTime'] as const;
export type OutputStartMode = (typeof OUTPUT_START_MODES)[number];

/** Seed defaults of {@link IomtStreamAnalyticsResourceDefinition}. */
export const STREAM_ANALYTICS_DEFAULTS = {
  StreamingUnits: 1,
  EventHubName: 'normalizeddeviceinput',
  sharedAccessPolicyName: 'reader',
  outputStartMode: 'LastOutputEventTime',
  functionName: 'MeasurementCollectionToFhir',
  jobWindowUnit: 'MINUTE',
  jobWindowMagnitude: 15,
} as const;

/**
 * The connector's Stream Analytics job (seed 004 `IomtStreamAnalyticsResourceDefinition`). The
 * capitalised `StreamingUnits`, `EventHubNamespace` and `EventHubName` are the seed's JSON names.
 */
export const streamAnalyticsResourceDefinitionSchema = withCrossFieldRules(
  z.object({
    ...infrastructureResourceShape,
    StreamingUnits: z
      .int()
      .refine((units) => STREAMING_UNIT_OPTIONS.includes(units), {
        error: `must be one of ${STREAMING_UNIT_OPTIONS.join(', ')}`,
      })
      .default(STREAM_ANALYTICS_DEFAULTS.StreamingUnits),
    EventHubNamespace: text().optional(),
    EventHubName: eventHubName().default(STREAM_ANALYTICS_DEFAULTS.EventHubName),
    sharedAccessPolicyName: sharedAccessPolicyName().default(STREAM_ANALYTICS_DEFAULTS.sharedAccessPolicyName),
    outputStartMode: caseInsensitiveEnum(OUTPUT_START_MODES).default(STREAM_ANALYTICS_DEFAULTS.outputStartMode),
    functionAppName: text().optional(),
    functionName: text().default(STREAM_ANALYTICS_DEFAULTS.functionName),
    jobWindowUnit: jobWindowUnitSchema.default(STREAM_ANALYTICS_DEFAULTS.jobWindowUnit),
    jobWindowMagnitude: z.int().min(1).default(STREAM_ANALYTICS_DEFAULTS.jobWindowMagnitude),
  }),
  [
    {
      // Only the unit-dependent ceiling; the unit and the lower bound have their own field rules.
      path: ['jobWindowMagnitude'],
      check: ({ jobWindowUnit, jobWindowMagnitude }) => jobWindowCeilingProblem(jobWindowUnit, jobWindowMagnitude),
    },
  ],
);

/** The connector's Stream Analytics job: sizing, its Event Hub input, its Function output and its window. */
export type IomtStreamAnalyticsResourceDefinition = z.output<typeof streamAnalyticsResourceDefinitionSchema>;
