import { ValidationError } from '@iomt/domain';
import { ContractErrorCode } from './contract-error-codes';

/**
 * Version of the message contracts, sent in every message's application properties. `major.minor`:
 * a minor bump only adds optional fields (readers ignore unknown fields), a major bump breaks.
 */
export const CONTRACT_VERSION = '1.0';

/** Application property that carries `CONTRACT_VERSION`. */
export const CONTRACT_VERSION_PROPERTY = 'contractVersion';

const VERSION_PATTERN = /^(\d+)\.(\d+)$/;

/** The application properties every message of these contracts carries. */
export function contractApplicationProperties(): { [CONTRACT_VERSION_PROPERTY]: string } {
  return { [CONTRACT_VERSION_PROPERTY]: CONTRACT_VERSION };
}

/** True when a message of `version` can be read by this code: same major version. */
export function isCompatibleContractVersion(version: unknown): boolean {
  if (typeof version !== 'string') return false;
  const theirs = VERSION_PATTERN.exec(version);
  const ours = VERSION_PATTERN.exec(CONTRACT_VERSION);
  return theirs !== null && ours !== null && theirs[1] === ours[1];
}

/**
 * Checks a received message's application properties; a missing or incompatible version throws a
 * `ValidationError` (`UnsupportedContractVersion`), which is not retryable: dead-letter it.
 */
export function assertCompatibleContractVersion(applicationProperties: Readonly<Record<string, unknown>> | undefined): void {
  const version = applicationProperties?.[CONTRACT_VERSION_PROPERTY];
  if (!isCompatibleContractVersion(version)) {
    throw new ValidationError(
      `The message contract version '${String(version)}' cannot be read; this service reads ${CONTRACT_VERSION}.`,
      { code: ContractErrorCode.UnsupportedContractVersion, target: CONTRACT_VERSION_PROPERTY },
    );
  }
}
