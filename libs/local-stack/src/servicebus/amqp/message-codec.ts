import { randomUUID } from 'node:crypto';
import { message as rheaMessage, string_to_uuid, types, uuid_to_string, type Message } from 'rhea';
import { BrokerError, Condition } from '../broker/broker-error';
import type { MessageDraft } from '../broker/send-target';
import type { StoredMessage } from '../broker/stored-message';

/** message_format of a batch: one envelope whose data sections are encoded messages. */
export const BATCH_MESSAGE_FORMAT = 0x80013700;

const HEADER_FIELDS = ['durable', 'priority', 'ttl', 'first_acquirer', 'delivery_count'];
/** Annotations the broker owns: stripped on arrival, set on delivery. */
const BROKER_ANNOTATIONS = ['x-opt-sequence-number', 'x-opt-enqueued-time', 'x-opt-locked-until', 'x-opt-message-state', 'x-opt-deadletter-source'];
const MESSAGE_STATE = { active: 0, deferred: 1, scheduled: 2 } as const;
/** Milliseconds between 0001-01-01 (.NET ticks epoch) and 1970-01-01. */
const TICKS_EPOCH_OFFSET_MS = 62135596800000n;

/** The messages of one transfer: a single message, or each message of a batch. */
export function unpackTransfer(payload: Message | Buffer, format: number | undefined): Message[] {
  if (!Buffer.isBuffer(payload)) return [payload];
  if (format !== BATCH_MESSAGE_FORMAT) {
    throw new BrokerError(Condition.notImplemented, `message_format ${String(format)} is not supported.`);
  }
  const envelope = rheaMessage.decode(payload) as unknown as Message;
  const body = envelope.body as { typecode?: number; content?: unknown; multiple?: boolean } | undefined;
  if (body?.typecode !== 0x75) throw new BrokerError(Condition.decodeError, 'A batch must carry its messages as data sections.');
  const parts = (body.multiple ? body.content : [body.content]) as Buffer[];
  return parts.map((part) => rheaMessage.decode(part) as unknown as Message);
}

/** A sent AMQP message as the broker keeps it: header and broker annotations dropped, a message id stamped. */
export function toDraft(amqp: Message): MessageDraft {
  const kept: Message = Object.assign(Object.create(Object.getPrototypeOf(amqp) as object) as Message, amqp);
  for (const field of HEADER_FIELDS) delete (kept as unknown as Record<string, unknown>)[field];
  delete kept.delivery_annotations;
  const annotations = { ...(amqp.message_annotations as Record<string, unknown> | undefined) };
  for (const name of BROKER_ANNOTATIONS) delete annotations[name];
  kept.message_annotations = annotations;
  // The service stamps an id when the sender set none; the SDK's lock renewer needs one.
  if (kept.message_id === undefined || kept.message_id === null) kept.message_id = randomUUID();
  const scheduled = annotations['x-opt-scheduled-enqueue-time'];
  return {
    amqp: kept,
    messageId: String(kept.message_id),
    sessionId: typeof kept.group_id === 'string' ? kept.group_id : undefined,
    ttlMs: typeof amqp.ttl === 'number' && amqp.ttl > 0 ? amqp.ttl : undefined,
    scheduledAt: scheduled instanceof Date ? scheduled.getTime() : typeof scheduled === 'number' ? scheduled : undefined,
  };
}

/** The AMQP message to deliver (or to return from peek) with the broker's header and annotations. */
export function toDeliveredMessage(message: StoredMessage, lockedUntil: number | undefined): Message {
  const annotations: Record<string, unknown> = {
    ...(message.amqp.message_annotations as Record<string, unknown> | undefined),
    'x-opt-sequence-number': types.wrap_long(message.sequenceNumber),
    'x-opt-enqueued-time': new Date(message.enqueuedAt),
  };
  if (lockedUntil !== undefined) annotations['x-opt-locked-until'] = new Date(lockedUntil);
  if (message.state !== 'active') annotations['x-opt-message-state'] = types.wrap_int(MESSAGE_STATE[message.state]);
  if (message.deadLetterSource !== undefined) annotations['x-opt-deadletter-source'] = message.deadLetterSource;
  const delivered: Message = { ...message.amqp, message_annotations: annotations, delivery_count: message.deliveryCount } as Message;
  // As the service does, report the effective time-to-live (the entity default when none was set).
  const ttl = Number.isFinite(message.expiresAt) ? message.expiresAt - message.enqueuedAt : message.ttlMs;
  if (ttl !== undefined && ttl < 0xffffffff) delivered.ttl = ttl;
  return delivered;
}

/** The encoded form of a delivered message (peek and receive-by-sequence-number responses). */
export function encodeStored(message: StoredMessage, lockedUntil?: number): Buffer {
  return rheaMessage.encode(toDeliveredMessage(message, lockedUntil));
}

/** Lock token GUID to delivery tag: .NET byte order, which the SDK reorders back (serviceBusMessage.js). */
export function lockTokenToTag(lockToken: string): Buffer {
  return reorderGuidBytes(string_to_uuid(lockToken));
}

/** Delivery tag back to the lock token GUID string. */
export function tagToLockToken(tag: Buffer | string): string {
  return uuid_to_string(reorderGuidBytes(Buffer.isBuffer(tag) ? tag : Buffer.from(tag)));
}

function reorderGuidBytes(bytes: Buffer): Buffer {
  const b = Buffer.from(bytes);
  return Buffer.from([b[3], b[2], b[1], b[0], b[5], b[4], b[7], b[6], ...b.subarray(8)]);
}

/** An AMQP long holding .NET ticks (100 ns since 0001-01-01), as `com.microsoft:locked-until-utc` needs. */
export function ticksLong(epochMs: number): unknown {
  const buffer = Buffer.alloc(8);
  buffer.writeBigInt64BE((BigInt(Math.round(epochMs)) + TICKS_EPOCH_OFFSET_MS) * 10000n);
  return types.wrap_long(buffer);
}

/** A decoded AMQP long (a number, or an 8-byte buffer beyond 2^53) as a number. */
export function longToNumber(value: unknown): number {
  if (typeof value === 'number') return value;
  if (Buffer.isBuffer(value) && value.length === 8) return Number(value.readBigInt64BE(0));
  throw new BrokerError(Condition.argumentError, `Expected a long, got ${String(value)}.`);
}

/** A decoded AMQP uuid (16-byte buffer) or GUID string as a lock token string. */
export function uuidToLockToken(value: unknown): string {
  if (Buffer.isBuffer(value) && value.length === 16) return uuid_to_string(value);
  if (typeof value === 'string') return value.toLowerCase();
  throw new BrokerError(Condition.argumentError, `Expected a lock token (uuid), got ${String(value)}.`);
}
