import type { ArmErrorBody } from '@iomt/local-stack';

/** The ARM error body (`{"error":{"code","message","target","details"}}`, arm-rpc.md §1.6), as the fake ARM answers it. */
export type { ArmErrorBody, ArmErrorDetail } from '@iomt/local-stack';

/** True when `body` has the shape of an ARM error body. */
export function isArmErrorBody(body: unknown): body is ArmErrorBody {
  const error = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  return typeof error?.code === 'string' && typeof error.message === 'string';
}

/**
 * A request ARM answered with a 4xx or 5xx, or a long-running operation that did not reach its
 * terminal state in time; carries the status and the ARM error body when there was one.
 */
export class ArmRequestError extends Error {
  constructor(
    readonly method: string,
    readonly url: string,
    readonly status: number,
    readonly body: ArmErrorBody | undefined,
    message = `${method} ${url} answered ${status}${body ? ` ${body.error.code}: ${body.error.message}` : ''}`,
  ) {
    super(message);
    this.name = 'ArmRequestError';
  }

  /** The error code of the body (`undefined` when the answer had no ARM error body). */
  get code(): string | undefined {
    return this.body?.error.code;
  }
}
