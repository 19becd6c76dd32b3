import type { DomainErrorDetail } from '@iomt/domain';

/**
 * A failure of the HTTP exchange itself rather than of the domain: authentication (401), an
 * unsupported media type (415), a body over ARM's limit (413), a path nothing serves (404).
 * Domain failures stay `DomainError`s and are mapped by kind.
 */
export class ArmRequestError extends Error {
  override readonly name = 'ArmRequestError';

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly options: { readonly target?: string; readonly headers?: Readonly<Record<string, string>>; readonly details?: readonly DomainErrorDetail[] } = {},
  ) {
    super(message);
  }
}
