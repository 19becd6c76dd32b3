import { Cron } from 'croner';
import { z } from 'zod';
import { azureConfigSchema } from '@iomt/azure';
import { serviceBusConfigSchema } from '@iomt/messaging';
import { persistenceConfigSchema } from '@iomt/persistence';
import { createConfigToken, integerSetting, serviceConfigSchema, unsetWhenEmpty, type ServiceDefinition } from '@iomt/service-kit';
import { DEFAULT_STREAM_ANALYTICS_INPUT_NAME } from './rotation/connector-key-targets';

/** Defaults of the key rotator's own settings. */
export const KEY_ROTATION_DEFAULTS = {
  /** Every hour: a secret is rotated within an hour of turning 30 days old, a forced one within the hour. */
  schedule: '0 * * * *',
  periodDays: 30,
  pageSize: 100,
  maxPerSweep: 500,
  inputName: DEFAULT_STREAM_ANALYTICS_INPUT_NAME,
} as const;

/** True when croner accepts `pattern` (5 or 6 fields, or a nickname such as `@daily`). */
export function isCronPattern(pattern: string): boolean {
  try {
    new Cron(pattern, { paused: true }).stop();
    return true;
  } catch {
    return false;
  }
}

/**
 * The key rotator's own settings:
 * - KEY_ROTATION_SCHEDULE: when the schedule looks for due secrets (cron, UTC; default hourly);
 * - KEY_ROTATION_SCHEDULE_ENABLED: `false` runs only the command handler (e.g. on extra replicas);
 * - KEY_ROTATION_PERIOD_DAYS: a secret last rotated longer ago is due (default 30);
 * - KEY_ROTATION_PAGE_SIZE / KEY_ROTATION_MAX_PER_SWEEP: page size of the due query and most
 *   rotations enqueued per tick (the rest wait for the next tick);
 * - KEY_ROTATION_INPUT_NAME: the Stream Analytics job's Event Hub input (the template's `NormalizedData`).
 */
const keyRotationSettings = {
  KEY_ROTATION_SCHEDULE: unsetWhenEmpty(
    z.string().trim().refine(isCronPattern, { error: 'must be a cron pattern (5 or 6 fields, or @hourly/@daily/...)' }).default(KEY_ROTATION_DEFAULTS.schedule),
  ),
  KEY_ROTATION_SCHEDULE_ENABLED: unsetWhenEmpty(z.stringbool({ error: 'must be true or false' }).default(true)),
  KEY_ROTATION_PERIOD_DAYS: unsetWhenEmpty(integerSetting(1, 365).default(KEY_ROTATION_DEFAULTS.periodDays)),
  KEY_ROTATION_PAGE_SIZE: unsetWhenEmpty(integerSetting(1, 1_000).default(KEY_ROTATION_DEFAULTS.pageSize)),
  KEY_ROTATION_MAX_PER_SWEEP: unsetWhenEmpty(integerSetting(1, 100_000).default(KEY_ROTATION_DEFAULTS.maxPerSweep)),
  KEY_ROTATION_INPUT_NAME: unsetWhenEmpty(z.string().regex(/^[A-Za-z0-9_-]{3,63}$/, { error: 'must be a Stream Analytics input name' }).default(KEY_ROTATION_DEFAULTS.inputName)),
};

/**
 * Settings of the key-rotator service: PORT (default 8093), HOST, LOG_LEVEL, SHUTDOWN_TIMEOUT_MS,
 * the Service Bus (SERVICEBUS_*), Global DB (COSMOS_*) and ARM (ARM_*) fragments, and the
 * KEY_ROTATION_* settings above.
 */
export const keyRotatorConfigSchema = serviceConfigSchema({ defaultPort: 8093 })
  .extend(serviceBusConfigSchema.shape)
  .extend(persistenceConfigSchema.shape)
  .extend(azureConfigSchema.shape)
  .extend(keyRotationSettings);

/** The validated settings of the key-rotator service. */
export type KeyRotatorConfig = z.output<typeof keyRotatorConfigSchema>;

/** Injects {@link KeyRotatorConfig}: `@Inject(KEY_ROTATOR_CONFIG) config: KeyRotatorConfig`. */
export const KEY_ROTATOR_CONFIG = createConfigToken<KeyRotatorConfig>('KEY_ROTATOR_CONFIG');

/** How `main.ts` and the tests start the key-rotator service. */
export const KEY_ROTATOR_SERVICE: ServiceDefinition<typeof keyRotatorConfigSchema> = {
  serviceName: 'key-rotator',
  configSchema: keyRotatorConfigSchema,
  configToken: KEY_ROTATOR_CONFIG,
};
