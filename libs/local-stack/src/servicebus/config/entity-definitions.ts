/** Settings of an entity that holds messages: a queue or a topic subscription. */
export interface ReceivableOptions {
  readonly requiresSession: boolean;
  readonly lockDurationMs: number;
  readonly maxDeliveryCount: number;
  readonly defaultTtlMs: number;
  readonly deadLetterOnExpiration: boolean;
  /** Entity every message is moved to on arrival (auto-forwarding), if any. */
  readonly forwardTo?: string;
  /** Entity that receives dead-lettered messages instead of the dead-letter queue, if any. */
  readonly forwardDeadLetteredTo?: string;
}

/** Settings of an entity that accepts sends: a queue or a topic. */
export interface SendTargetOptions {
  readonly requiresDuplicateDetection: boolean;
  readonly duplicateWindowMs: number;
  readonly defaultTtlMs: number;
}

/** A correlation filter: expected system properties (Config.json names) and application properties. */
export interface CorrelationDefinition {
  readonly system: Readonly<Record<string, string | undefined>>;
  readonly properties: Readonly<Record<string, string | number | boolean>>;
}

/** A topic subscription rule: a correlation filter, or a true filter. */
export interface RuleDefinition {
  readonly name: string;
  /** Expected values; `properties` are matched against application properties. */
  readonly correlation?: CorrelationDefinition;
}

export interface QueueDefinition {
  readonly name: string;
  readonly options: ReceivableOptions & SendTargetOptions;
}

export interface SubscriptionDefinition {
  readonly name: string;
  readonly options: ReceivableOptions;
  /** A message reaches the subscription when any rule matches; no rules means every message. */
  readonly rules: readonly RuleDefinition[];
}

export interface TopicDefinition {
  readonly name: string;
  readonly options: SendTargetOptions;
  readonly subscriptions: readonly SubscriptionDefinition[];
}

/** The validated, normalised entities of one namespace. */
export interface NamespaceDefinition {
  readonly name: string;
  readonly queues: readonly QueueDefinition[];
  readonly topics: readonly TopicDefinition[];
}

/** Defaults of the official emulator's schema. */
export const ENTITY_DEFAULTS = {
  lockDuration: 'PT1M',
  maxDeliveryCount: 3,
  defaultMessageTimeToLive: 'PT1H',
  duplicateDetectionHistoryTimeWindow: 'PT20S',
} as const;
