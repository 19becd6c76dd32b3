import { z } from 'zod';
import { infrastructureResourceShape } from '../common/infrastructure';
import { withCrossFieldRules } from '../validation/cross-field-rule';
import { eventHubName, sharedAccessPolicyName } from '../validation/rules';

/** Seed defaults of {@link IomtEventHubResourceDefinition}. */
export const EVENT_HUB_DEFAULTS = {
  /**
   * The seed leaves `ThroughputUnits` at C#'s 0, which Event Hubs Standard rejects (1..20);
   * we default to the iomt-fhir template's 1.
   */
  throughputUnits: 1,
  deviceDataEventHubName: 'deviceinput',
  normalizedEventHubName: 'normalizeddeviceinput',
} as const;

/** Event Hubs Standard capacity (the iomt-fhir template's `ThroughputUnits` 1..20). */
export const MAX_THROUGHPUT_UNITS = 20;

/** Event Hubs allows at most 12 authorization rules per entity (iomt.md §3). */
export const MAX_DEVICE_WRITE_POLICIES = 12;

function duplicatesIgnoringCase(names: readonly string[]): string[] {
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  for (const name of names) {
    const key = name.toLowerCase();
    if (seen.has(key)) duplicates.add(name);
    seen.add(key);
  }
  return [...duplicates];
}

/** The connector's Event Hubs namespace (seed 004 `IomtEventHubResourceDefinition`). */
export const eventHubResourceDefinitionSchema = withCrossFieldRules(
  z.object({
    ...infrastructureResourceShape,
    throughputUnits: z.int().min(1).max(MAX_THROUGHPUT_UNITS).default(EVENT_HUB_DEFAULTS.throughputUnits),
    deviceDataEventHubName: eventHubName().default(EVENT_HUB_DEFAULTS.deviceDataEventHubName),
    normalizedEventHubName: eventHubName().default(EVENT_HUB_DEFAULTS.normalizedEventHubName),
    /** The write-only `connections` the customer created through the API, one SAS policy each. */
    deviceWritePolicyNames: z
      .array(sharedAccessPolicyName())
      .max(MAX_DEVICE_WRITE_POLICIES)
      .default(() => []),
  }),
  [
    {
      path: ['deviceWritePolicyNames'],
      check: ({ deviceWritePolicyNames: names }) => {
        if (!Array.isArray(names) || !names.every((n) => typeof n === 'string')) return undefined;
        const duplicates = duplicatesIgnoringCase(names);
        return duplicates.length === 0 ? undefined : `must not repeat a name (ignoring case): ${duplicates.join(', ')}`;
      },
    },
    {
      path: ['normalizedEventHubName'],
      check: ({ deviceDataEventHubName: device, normalizedEventHubName: normalized }) =>
        typeof device === 'string' && typeof normalized === 'string' && device.toLowerCase() === normalized.toLowerCase()
          ? 'must differ from deviceDataEventHubName'
          : undefined,
    },
  ],
);

/** The connector's Event Hubs namespace: hubs for device data and normalized data, and the customer's connections. */
export type IomtEventHubResourceDefinition = z.output<typeof eventHubResourceDefinitionSchema>;
