import { DomainErrorDetail, ValidationError } from '@iomt/domain';
import { z } from 'zod';
import { ContractErrorCode } from '../contract-error-codes';

/** Longest number of problems listed in one error; a hostile payload must not produce a huge message. */
const MAX_DETAILS = 20;

function detailOf(issue: z.core.$ZodIssue): DomainErrorDetail {
  const target = issue.path.map(String).join('.');
  return { code: ContractErrorCode.InvalidMessage, message: issue.message, ...(target === '' ? {} : { target }) };
}

/**
 * Parses a received payload with `schema`. A mismatch throws a `ValidationError` with code
 * `InvalidMessage` whose `details` name each problem by its property path; the message is not
 * retryable (dead-letter it).
 */
export function parsePayload<TSchema extends z.ZodType>(schema: TSchema, body: unknown, subject: string): z.output<TSchema> {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const details = parsed.error.issues.slice(0, MAX_DETAILS).map(detailOf);
  const summary = details.map((detail) => (detail.target ? `${detail.target}: ${detail.message}` : detail.message));
  throw new ValidationError(`The '${subject}' message is invalid: ${summary.join('; ')}.`, {
    code: ContractErrorCode.InvalidMessage,
    details,
  });
}
