/** Identifies the Service Bus sessions transport among Nest transports (`@MessagePattern(p, SERVICE_BUS_SESSIONS_TRANSPORT)`). */
export const SERVICE_BUS_SESSIONS_TRANSPORT = Symbol('SERVICE_BUS_SESSIONS');

/** Sessions a server processes at once (the SDK sample's `maxSessionsToProcessSimultaneously`). */
export const SERVICE_BUS_DEFAULT_MAX_CONCURRENT_SESSIONS = 8;

/** A session with no message for this long is released so another session gets a turn. */
export const SERVICE_BUS_DEFAULT_SESSION_IDLE_TIMEOUT_MS = 5_000;

/**
 * How long the SDK keeps renewing a session lock while the session is held: as long as a requester
 * waits for a reply at most (SERVICE_BUS_DEFAULT_REPLY_MAX_WAIT_MS), since a worker holds its
 * command's session for the whole command and an ARM deployment can take many minutes (the SDK's
 * own default, 5 min, would let the broker give a running command to another worker). A crashed
 * holder stops renewing, so its lock still expires after the queue's lock duration.
 */
export const SERVICE_BUS_DEFAULT_MAX_AUTO_LOCK_RENEWAL_MS = 3_600_000;

/**
 * How long the broker waits for a free session in one `acceptNextSession` call, set as the
 * operation timeout of the client a server creates. The SDK cannot abort that call, so shutdown
 * can wait this long for it; Service Bus' own default (60 s) would stall a graceful stop.
 */
export const SERVICE_BUS_DEFAULT_ACCEPT_SESSION_TIMEOUT_MS = 10_000;

/** First back-off after an unexpected error accepting a session; it doubles up to the maximum. */
export const SERVICE_BUS_DEFAULT_ACCEPT_ERROR_BACKOFF_MS = 1_000;

/** Ceiling of the accept back-off. */
export const SERVICE_BUS_MAX_ACCEPT_ERROR_BACKOFF_MS = 30_000;

/** How long `ClientServiceBus.send` waits for a reply, or a sign of life of the worker, before failing. */
export const SERVICE_BUS_DEFAULT_REPLY_TIMEOUT_MS = 30_000;

/** How long `ClientServiceBus.send` waits for a reply at most, heartbeats or not (an ARM deployment can take many minutes). */
export const SERVICE_BUS_DEFAULT_REPLY_MAX_WAIT_MS = 3_600_000;

/** How often a server tells a requester it still works on its request (well inside the default reply timeout). */
export const SERVICE_BUS_DEFAULT_REQUEST_HEARTBEAT_MS = 10_000;

/** Service Bus refuses session ids longer than this (Azure quotas). */
export const SERVICE_BUS_MAX_SESSION_ID_LENGTH = 128;

/** Dead-letter descriptions are cut to this length; the broker keeps them as application properties. */
export const SERVICE_BUS_MAX_DEAD_LETTER_DESCRIPTION_LENGTH = 1_024;

/** Application property of the W3C trace context's parent (https://www.w3.org/TR/trace-context/). */
export const TRACEPARENT_PROPERTY = 'traceparent';
/** Application property of the W3C trace context's vendor state. */
export const TRACESTATE_PROPERTY = 'tracestate';
/** Application property of the W3C baggage (https://www.w3.org/TR/baggage/): ARM's correlation id travels in it. */
export const BAGGAGE_PROPERTY = 'baggage';
/**
 * Application property where the Azure SDKs put the traceparent (`@azure/service-bus`
 * `instrumentMessage`): written too, so Azure tooling sees the trace, and read when `traceparent` is absent.
 */
export const DIAGNOSTIC_ID_PROPERTY = 'Diagnostic-Id';

/** Dead-letter reasons the transport itself decides (handlers' errors use their own codes). */
export const DeadLetterReason = {
  NoHandler: 'NoHandler',
  MalformedMessage: 'MalformedMessage',
} as const;
