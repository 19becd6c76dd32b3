import type { Message } from 'rhea';
import type { RuleDefinition } from '../config/entity-definitions';

/** Correlation filter keys (Config.json names) and the AMQP properties they compare. */
const SYSTEM_PROPERTIES: Record<string, string> = {
  ContentType: 'content_type',
  CorrelationId: 'correlation_id',
  Label: 'subject',
  MessageId: 'message_id',
  ReplyTo: 'reply_to',
  ReplyToSessionId: 'reply_to_group_id',
  SessionId: 'group_id',
  To: 'to',
};

/** Whether a subscription with these rules receives the message (no rules: every message). */
export function matchesRules(rules: readonly RuleDefinition[], message: Message): boolean {
  return rules.length === 0 || rules.some((rule) => matchesRule(rule, message));
}

function matchesRule(rule: RuleDefinition, message: Message): boolean {
  const correlation = rule.correlation;
  if (!correlation) return true;
  for (const [key, expected] of Object.entries(correlation.system)) {
    if (expected === undefined) continue;
    if (String((message as unknown as Record<string, unknown>)[SYSTEM_PROPERTIES[key]] ?? '') !== expected) return false;
  }
  const applicationProperties = (message.application_properties ?? {}) as Record<string, unknown>;
  return Object.entries(correlation.properties).every(([name, value]) => applicationProperties[name] === value);
}
