import type { DomainErrorDetail } from '@iomt/domain';

/** The inner object of the ARM error body `{"error": {...}}` (arm-rpc.md §1.6). */
export interface ArmErrorBody {
  readonly code: string;
  readonly message: string;
  readonly target?: string;
  readonly details?: readonly DomainErrorDetail[];
}

/** The error body with empty parts left out. */
export function armErrorBody(
  code: string,
  message: string,
  target?: string,
  details?: readonly DomainErrorDetail[],
): { error: ArmErrorBody } {
  return {
    error: {
      code,
      message,
      ...(target === undefined ? {} : { target }),
      ...(details === undefined || details.length === 0 ? {} : { details: [...details] }),
    },
  };
}
