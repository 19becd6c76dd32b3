/**
 * What kind of failure an error is. Adapters map it to their own vocabulary: the gateway to an
 * HTTP status, the messaging transport to a settlement (complete, abandon, dead-letter).
 */
export type DomainErrorKind =
  | 'validation'
  | 'notFound'
  | 'conflict'
  | 'preconditionFailed'
  | 'throttled'
  | 'transient'
  | 'internal';

/** One problem inside an error, as in the ARM error body's `details`. */
export interface DomainErrorDetail {
  readonly code: string;
  readonly message: string;
  readonly target?: string;
}

/** Options shared by every domain error. */
export interface DomainErrorOptions {
  readonly target?: string;
  readonly details?: readonly DomainErrorDetail[];
  readonly cause?: unknown;
}

/**
 * The base of every expected failure. `code` is an ARM error code string, because `instanceof`
 * does not survive a process boundary (a Service Bus reply, a stored `exceptionDetails`).
 */
export abstract class DomainError extends Error {
  abstract readonly code: string;
  abstract readonly kind: DomainErrorKind;
  readonly target?: string;
  readonly details: readonly DomainErrorDetail[];

  constructor(message: string, options: DomainErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.target = options.target;
    this.details = options.details ?? [];
  }

  /** True when trying the same thing again later may succeed. */
  get retryable(): boolean {
    return this.kind === 'throttled' || this.kind === 'transient' || this.kind === 'preconditionFailed';
  }

  /** The ARM error body's inner object: `{ code, message, target, details }`. */
  toJSON(): { code: string; message: string; target?: string; details?: DomainErrorDetail[] } {
    return {
      code: this.code,
      message: this.message,
      ...(this.target === undefined ? {} : { target: this.target }),
      ...(this.details.length === 0 ? {} : { details: [...this.details] }),
    };
  }
}

/** Tells a domain error apart from any other thrown value, across module copies. */
export function isDomainError(value: unknown): value is DomainError {
  return value instanceof DomainError;
}
