import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import { emulatorConfigSchema, type EmulatorConfig, type QueueConfig, type RuleConfig, type TopicConfig } from './emulator-config.schema';
import { ENTITY_DEFAULTS, type NamespaceDefinition, type QueueDefinition, type RuleDefinition, type TopicDefinition } from './entity-definitions';
import { parseIsoDuration } from './iso-duration';

/** A Config.json that cannot be read or does not follow the official emulator's schema. */
export class EmulatorConfigError extends Error {
  override readonly name = 'EmulatorConfigError';
}

/**
 * Reads and validates a Config.json (a path, or the already-parsed JSON) and returns its
 * namespace's entities with defaults applied. Throws EmulatorConfigError naming the bad field.
 */
export function loadEmulatorConfig(source: string | unknown): NamespaceDefinition {
  const label = typeof source === 'string' ? source : 'config';
  const raw = typeof source === 'string' ? readJsonFile(source) : source;
  const parsed = emulatorConfigSchema.safeParse(raw);
  if (!parsed.success) throw new EmulatorConfigError(`${label}: ${describeIssues(parsed.error)}`);
  return toNamespaceDefinition(parsed.data, label);
}

function readJsonFile(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new EmulatorConfigError(`${path}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new EmulatorConfigError(`${path}: not valid JSON (${(error as Error).message})`);
  }
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const path = issue.path.reduce<string>(
        (text, key) => (typeof key === 'number' ? `${text}[${key}]` : text ? `${text}.${String(key)}` : String(key)),
        '',
      );
      return `${path || '(root)'}: ${issue.message}`;
    })
    .join('; ');
}

const ms = (duration: string | undefined, fallback: string): number => parseIsoDuration(duration ?? fallback) as number;

function toNamespaceDefinition(config: EmulatorConfig, label: string): NamespaceDefinition {
  const namespace = config.UserConfig.Namespaces[0];
  const definition = {
    name: namespace.Name,
    queues: namespace.Queues.map(toQueueDefinition),
    topics: namespace.Topics.map((topic, index) => toTopicDefinition(topic, `UserConfig.Namespaces[0].Topics[${index}]`)),
  };
  checkNamesAndForwards(definition, label);
  return definition;
}

function toQueueDefinition(queue: QueueConfig): QueueDefinition {
  const p = queue.Properties ?? {};
  return {
    name: queue.Name,
    options: {
      requiresSession: p.RequiresSession ?? false,
      lockDurationMs: ms(p.LockDuration, ENTITY_DEFAULTS.lockDuration),
      maxDeliveryCount: p.MaxDeliveryCount ?? ENTITY_DEFAULTS.maxDeliveryCount,
      defaultTtlMs: ms(p.DefaultMessageTimeToLive, ENTITY_DEFAULTS.defaultMessageTimeToLive),
      deadLetterOnExpiration: p.DeadLetteringOnMessageExpiration ?? false,
      forwardTo: p.ForwardTo || undefined,
      forwardDeadLetteredTo: p.ForwardDeadLetteredMessagesTo || undefined,
      requiresDuplicateDetection: p.RequiresDuplicateDetection ?? false,
      duplicateWindowMs: ms(p.DuplicateDetectionHistoryTimeWindow, ENTITY_DEFAULTS.duplicateDetectionHistoryTimeWindow),
    },
  };
}

function toTopicDefinition(topic: TopicConfig, path: string): TopicDefinition {
  const p = topic.Properties ?? {};
  const topicTtl = p.DefaultMessageTimeToLive ?? ENTITY_DEFAULTS.defaultMessageTimeToLive;
  return {
    name: topic.Name,
    options: {
      requiresDuplicateDetection: p.RequiresDuplicateDetection ?? false,
      duplicateWindowMs: ms(p.DuplicateDetectionHistoryTimeWindow, ENTITY_DEFAULTS.duplicateDetectionHistoryTimeWindow),
      defaultTtlMs: ms(topicTtl, topicTtl),
    },
    subscriptions: topic.Subscriptions.map((subscription, index) => {
      const s = subscription.Properties ?? {};
      return {
        name: subscription.Name,
        options: {
          requiresSession: s.RequiresSession ?? false,
          lockDurationMs: ms(s.LockDuration, ENTITY_DEFAULTS.lockDuration),
          maxDeliveryCount: s.MaxDeliveryCount ?? ENTITY_DEFAULTS.maxDeliveryCount,
          defaultTtlMs: Math.min(ms(s.DefaultMessageTimeToLive, topicTtl), ms(topicTtl, topicTtl)),
          deadLetterOnExpiration: s.DeadLetteringOnMessageExpiration ?? false,
          forwardTo: s.ForwardTo || undefined,
          forwardDeadLetteredTo: s.ForwardDeadLetteredMessagesTo || undefined,
        },
        rules: (subscription.Rules ?? []).map((rule, r) => toRuleDefinition(rule, `${path}.Subscriptions[${index}].Rules[${r}]`)),
      };
    }),
  };
}

function toRuleDefinition(rule: RuleConfig, path: string): RuleDefinition {
  const p = rule.Properties;
  if (p.FilterType === 'Sql') {
    // Only the true filter is evaluated; a real SQL engine is out of this emulator's scope.
    if (!/^\s*1\s*=\s*1\s*$/.test(p.SqlFilter?.SqlExpression ?? '')) {
      throw new EmulatorConfigError(`${path}.Properties.SqlFilter.SqlExpression: only "1=1" is supported by this emulator`);
    }
    return { name: rule.Name };
  }
  if (!p.CorrelationFilter) throw new EmulatorConfigError(`${path}.Properties.CorrelationFilter: required when FilterType is "Correlation"`);
  const { Properties, ...systemProperties } = p.CorrelationFilter;
  return { name: rule.Name, correlation: { system: systemProperties, properties: Properties ?? {} } };
}

function checkNamesAndForwards(definition: NamespaceDefinition, label: string): void {
  const names = new Set<string>();
  const all = [...definition.queues.map((q) => q.name), ...definition.topics.map((t) => t.name)];
  for (const name of all) {
    if (names.has(name.toLowerCase())) throw new EmulatorConfigError(`${label}: entity name "${name}" is declared twice`);
    names.add(name.toLowerCase());
  }
  const receivables = [...definition.queues, ...definition.topics.flatMap((t) => t.subscriptions.map((s) => ({ ...s, name: `${t.name}/Subscriptions/${s.name}` })))];
  for (const entity of receivables) {
    for (const target of [entity.options.forwardTo, entity.options.forwardDeadLetteredTo]) {
      if (target && !names.has(target.toLowerCase())) {
        throw new EmulatorConfigError(`${label}: "${entity.name}" forwards to "${target}", which is not a declared queue or topic`);
      }
    }
  }
}
