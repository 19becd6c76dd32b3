import { randomUUID } from 'node:crypto';
import { ArmError, type ArmErrorDetail } from './arm-error';
import { errorResponse, type ArmResponse } from './http-io';
import type { ArmRequest, ArmRoute } from './router';

/** How a long-running operation ended; `result` is the final answer of its `Location` URL. */
export interface LroOutcome {
  readonly status: 'Succeeded' | 'Failed' | 'Canceled';
  readonly error?: ArmErrorDetail;
  readonly result?: ArmResponse;
}

interface LroRecord {
  readonly id: string;
  readonly subscriptionId: string;
  readonly startTime: string;
  readsLeft: number;
  endTime?: string;
  outcome?: LroOutcome;
  readonly complete: () => LroOutcome;
}

const STATUS_PATH = '/subscriptions/{subscriptionId}/providers/Microsoft.Resources/operationStatuses/{operationId}';
const RESULT_PATH = '/subscriptions/{subscriptionId}/providers/Microsoft.Resources/operationResults/{operationId}';

/**
 * Long-running operations (arm-rpc.md §1.5). An operation stays in progress for a configured
 * number of reads (status polls, or GETs of its target), then runs its completion once; driving
 * completion by reads instead of timers keeps tests deterministic.
 */
export class LongRunningOperations {
  private readonly operations = new Map<string, LroRecord>();

  constructor(private readonly readsBeforeDone: () => number) {}

  /** Starts an operation; `complete` runs when it is due (an ArmError thrown there fails it). */
  begin(subscriptionId: string, complete: () => LroOutcome): string {
    const id = randomUUID();
    const record = {
      id,
      subscriptionId,
      startTime: new Date().toISOString(),
      readsLeft: this.readsBeforeDone(),
      complete,
    };
    this.operations.set(id, record);
    return id;
  }

  /** Headers of a 201/202 that clients poll through `Azure-AsyncOperation` or `Location`. */
  private pollingHeaders(
    baseUrl: string,
    subscriptionId: string,
    id: string,
    kind: 'async' | 'location',
    apiVersion: string,
  ): Record<string, string> {
    const path = (kind === 'async' ? STATUS_PATH : RESULT_PATH)
      .replace('{subscriptionId}', encodeURIComponent(subscriptionId))
      .replace('{operationId}', id);
    const url = `${baseUrl}${path}?api-version=${encodeURIComponent(apiVersion)}`;
    return kind === 'async'
      ? { 'azure-asyncoperation': url, 'retry-after': '0' }
      : { location: url, 'retry-after': '0' };
  }

  /** The polling headers for an operation begun by `request` (same host and api-version). */
  headersFor(
    request: ArmRequest,
    subscriptionId: string,
    id: string,
    kind: 'async' | 'location',
  ): Record<string, string> {
    return this.pollingHeaders(request.baseUrl, subscriptionId, id, kind, request.query.get('api-version') ?? '');
  }

  /** Counts one read; completes the operation when its reads are used up. */
  advance(id: string): LroOutcome | undefined {
    const record = this.operations.get(id);
    if (!record) return undefined;
    if (!record.outcome && record.readsLeft > 0) record.readsLeft -= 1;
    else if (!record.outcome) this.finish(record);
    return record.outcome;
  }

  /** The status and result routes. */
  routes(): ArmRoute[] {
    return [
      { method: 'GET', template: STATUS_PATH, handle: (r) => this.statusResponse(r.params.operationId) },
      {
        method: 'GET',
        template: RESULT_PATH,
        handle: (r) => this.resultResponse(r.params.operationId, `${r.baseUrl}${r.path}?${r.query}`),
      },
    ];
  }

  clear(): void {
    this.operations.clear();
  }

  private finish(record: LroRecord): void {
    try {
      record.outcome = record.complete();
    } catch (error) {
      if (!(error instanceof ArmError)) throw error;
      record.outcome = { status: 'Failed', error: error.toBody().error, result: errorResponse(error) };
    }
    record.endTime = new Date().toISOString();
  }

  private require(id: string): LroRecord {
    this.advance(id);
    const record = this.operations.get(id);
    if (!record) throw new ArmError(404, 'OperationNotFound', `The operation '${id}' was not found.`);
    return record;
  }

  private statusResponse(id: string): ArmResponse {
    const record = this.require(id);
    const path = STATUS_PATH.replace('{subscriptionId}', record.subscriptionId).replace('{operationId}', id);
    const { outcome } = record;
    const body = {
      id: path,
      name: id,
      status: outcome?.status ?? 'InProgress',
      startTime: record.startTime,
      ...(record.endTime ? { endTime: record.endTime } : {}),
      ...(outcome?.error ? { error: outcome.error } : {}),
    };
    return { status: 200, body, headers: outcome ? {} : { 'retry-after': '0' } };
  }

  private resultResponse(id: string, url: string): ArmResponse {
    const { outcome } = this.require(id);
    if (!outcome) return { status: 202, headers: { location: url, 'retry-after': '0' } };
    if (outcome.result) return outcome.result;
    if (outcome.status === 'Succeeded') return { status: 200 };
    const error = outcome.error ?? { code: outcome.status, message: `The operation ended ${outcome.status}.` };
    return { status: outcome.status === 'Canceled' ? 409 : 500, body: { error } };
  }
}
