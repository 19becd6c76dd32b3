import { z } from 'zod';
import { parseIsoDuration } from './iso-duration';

/**
 * The official Service Bus emulator's Config.json (Azure/azure-service-bus-emulator-installer,
 * `ServiceBus-Emulator/Schema/Config-schema.json`). Objects are strict so that a misspelt
 * property is reported instead of silently ignored; ranges are looser than the official ones
 * (any positive duration) so tests can use short lock durations.
 */
const NAME = /^[A-Za-z0-9]$|^[A-Za-z0-9][\w\-./]*[A-Za-z0-9]$/;
const OPTIONAL_NAME = /^$|^[A-Za-z0-9]$|^[A-Za-z0-9][\w\-./]*[A-Za-z0-9]$/;

const entityName = z.string().regex(NAME, 'must be 1+ letters, digits, "-", "_", ".", "/" and start and end with a letter or digit');
const forwardName = z.string().regex(OPTIONAL_NAME, 'must be empty or a valid entity name');
const duration = z
  .string()
  .refine((value) => (parseIsoDuration(value) ?? 0) > 0, 'must be a positive ISO-8601 duration such as "PT1M" or "PT30S"');

const queueProperties = z.strictObject({
  DeadLetteringOnMessageExpiration: z.boolean().optional(),
  DefaultMessageTimeToLive: duration.optional(),
  DuplicateDetectionHistoryTimeWindow: duration.optional(),
  ForwardDeadLetteredMessagesTo: forwardName.optional(),
  ForwardTo: forwardName.optional(),
  LockDuration: duration.optional(),
  MaxDeliveryCount: z.int().min(1).optional(),
  RequiresDuplicateDetection: z.boolean().optional(),
  RequiresSession: z.boolean().optional(),
});

const topicProperties = z.strictObject({
  DefaultMessageTimeToLive: duration.optional(),
  DuplicateDetectionHistoryTimeWindow: duration.optional(),
  RequiresDuplicateDetection: z.boolean().optional(),
});

const subscriptionProperties = z.strictObject({
  DeadLetteringOnMessageExpiration: z.boolean().optional(),
  DefaultMessageTimeToLive: duration.optional(),
  LockDuration: duration.optional(),
  MaxDeliveryCount: z.int().min(1).optional(),
  ForwardDeadLetteredMessagesTo: forwardName.optional(),
  ForwardTo: forwardName.optional(),
  RequiresSession: z.boolean().optional(),
});

const correlationFilter = z
  .strictObject({
    ContentType: z.string().optional(),
    CorrelationId: z.string().optional(),
    Label: z.string().optional(),
    MessageId: z.string().optional(),
    ReplyTo: z.string().optional(),
    ReplyToSessionId: z.string().optional(),
    SessionId: z.string().optional(),
    To: z.string().optional(),
    Properties: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
  })
  .refine((filter) => Object.keys(filter).length > 0, 'must set at least one property');

const ruleProperties = z.strictObject({
  FilterType: z.enum(['Correlation', 'Sql']),
  CorrelationFilter: correlationFilter.optional(),
  SqlFilter: z.strictObject({ SqlExpression: z.string().optional() }).optional(),
  Action: z.strictObject({ SqlExpression: z.string().optional() }).optional(),
});

const rule = z.strictObject({ Name: entityName, Properties: ruleProperties });

const subscription = z.strictObject({
  Name: entityName,
  Properties: subscriptionProperties.optional(),
  Rules: z.array(rule).optional(),
});

const queue = z.strictObject({ Name: entityName, Properties: queueProperties.optional() });

const topic = z.strictObject({
  Name: entityName,
  Properties: topicProperties.optional(),
  Subscriptions: z.array(subscription).min(1),
});

const namespace = z.strictObject({
  Name: z.literal('sbemulatorns', 'must be "sbemulatorns" (the only namespace name the official emulator accepts)'),
  Queues: z.array(queue),
  Topics: z.array(topic),
});

/** Schema of a whole Config.json file. */
export const emulatorConfigSchema = z.object({
  UserConfig: z.object({
    Namespaces: z.array(namespace).length(1, 'must hold exactly one namespace'),
    Logging: z.object({ Type: z.enum(['File', 'Console', 'File,Console', 'Console,File']) }),
  }),
});

/** A parsed, valid Config.json. */
export type EmulatorConfig = z.infer<typeof emulatorConfigSchema>;
export type QueueConfig = z.infer<typeof queue>;
export type TopicConfig = z.infer<typeof topic>;
export type SubscriptionConfig = z.infer<typeof subscription>;
export type RuleConfig = z.infer<typeof rule>;
