import { Inject, Injectable } from '@nestjs/common';
import { ErrorCode, PagedResult, ValidationError } from '@iomt/domain';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config';
import type { ArmRequest } from './arm-request';
import { SkipTokenSealer } from './skip-token.sealer';

const SKIP_TOKEN = '$skipToken';
const TOP = '$top';

/** Which page of a list a request asks for. */
export interface PageRequest {
  readonly continuationToken?: string;
  readonly pageSize: number;
}

/** An ARM list body: `{ value, nextLink? }` (nextLink absent on the last page, never ""). */
export interface ArmList<T> {
  readonly value: T[];
  readonly nextLink?: string;
}

/** Turns `$skipToken`/`$top` into store page requests and store pages into ARM lists with `nextLink`. */
@Injectable()
export class ArmPaging {
  constructor(
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    private readonly sealer: SkipTokenSealer,
  ) {}

  /** The page a request asks for; a bad `$top` or a foreign `$skipToken` is a 400. */
  pageOf(arm: ArmRequest): PageRequest {
    const skipToken = arm.query[SKIP_TOKEN];
    const pageSize = this.pageSizeOf(arm.query[TOP]);
    if (skipToken === undefined) return { pageSize };
    if (typeof skipToken !== 'string') throw invalid(SKIP_TOKEN, 'must be given once');
    return { pageSize, continuationToken: this.sealer.unseal(scopeOf(arm), skipToken) };
  }

  /** The ARM list of a page, its `nextLink` on the caller's URL with a sealed `$skipToken`. */
  listOf<I, T>(arm: ArmRequest, page: PagedResult<I>, represent: (item: I) => T): ArmList<T> {
    const value = page.items.map(represent);
    if (page.continuationToken === undefined) return { value };
    // The caller's query string is kept as sent (ARM forwards it unchanged); only the token is replaced.
    const { origin, pathname, search } = arm.publicUrl;
    const kept = search.slice(1).split('&').filter((part) => part !== '' && !/^(?:\$|%24)skiptoken=/i.test(part));
    const token = this.sealer.seal(scopeOf(arm), page.continuationToken);
    return { value, nextLink: `${origin}${pathname}?${[...kept, `${SKIP_TOKEN}=${token}`].join('&')}` };
  }

  private pageSizeOf(top: unknown): number {
    if (top === undefined) return this.config.LIST_PAGE_SIZE;
    const size = typeof top === 'string' && /^\d{1,4}$/.test(top) ? Number(top) : NaN;
    if (!(size >= 1 && size <= 1000)) throw invalid(TOP, 'must be an integer from 1 to 1000');
    return Math.min(size, this.config.LIST_PAGE_SIZE);
  }
}

/** A token is only valid for the list (path, lowercased) it was issued for. */
function scopeOf(arm: ArmRequest): string {
  return arm.publicUrl.pathname.toLowerCase();
}

function invalid(target: string, problem: string): ValidationError {
  return new ValidationError(`The query parameter '${target}' ${problem}.`, { code: ErrorCode.InvalidParameter, target });
}
