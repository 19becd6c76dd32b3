import { DomainError, DomainErrorKind } from '@iomt/domain';

/** `deploy-environment` was asked to update a region that `open-region` never opened. */
export class RegionNotOpenError extends DomainError {
  readonly code: string = 'RegionNotOpen';
  readonly kind: DomainErrorKind = 'conflict';
}

/** A deployment succeeded but its outputs are not the resources the configuration names. */
export class DeploymentOutputMismatchError extends DomainError {
  readonly code: string = 'DeploymentOutputMismatch';
  readonly kind: DomainErrorKind = 'internal';
}

/** A region asked for is not in the environment group. */
export class RegionNotInGroupError extends DomainError {
  readonly code: string = 'RegionNotInEnvironmentGroup';
  readonly kind: DomainErrorKind = 'validation';
}
