import { setTimeout as delay } from 'node:timers/promises';
import { ArmRequestError, isArmErrorBody } from './arm-error';
import { TERMINAL_STATUSES, type ArmResponse, type LroResult, type OperationStatusBody, type TerminalStatus } from './arm-response';

/** How long-running operations are polled. */
export interface PollSettings {
  readonly defaultIntervalMs: number;
  readonly maxIntervalMs: number;
  readonly timeoutMs: number;
}

/** What {@link followLongRunning} needs. */
export interface LongRunningRequest<T> {
  readonly method: string;
  /** The resource the request addressed, with its api-version (read back after a PUT or PATCH). */
  readonly resourceUrl: string;
  readonly initial: ArmResponse<T>;
  readonly settings: PollSettings;
  /** A GET that answers whatever status comes back. */
  readonly read: (url: string) => Promise<ArmResponse<never>>;
}

const isTerminal = (status: unknown): status is TerminalStatus => TERMINAL_STATUSES.includes(status as TerminalStatus);

/**
 * Follows a long-running operation as ARM does (arm-rpc.md §1.5): the `Azure-AsyncOperation` URL
 * until a terminal status, else the `Location` URL until it stops answering 202, else (a PUT whose
 * body is not terminal yet) the resource until its provisioningState is; each wait the length the
 * previous answer's `Retry-After` asks. Then a PUT or PATCH reads the resource back, a DELETE or
 * POST collects its `Location` result.
 */
export async function followLongRunning<T>(request: LongRunningRequest<T>): Promise<LroResult<T>> {
  const poller = new Poller(request);
  const { initial, method } = request;
  const asyncUrl = initial.headers.get('azure-asyncoperation');
  const location = initial.headers.get('location');
  if (asyncUrl !== null) {
    const operation = await poller.untilTerminalStatus(asyncUrl);
    let final: ArmResponse<unknown>;
    if (method === 'PUT' || method === 'PATCH') final = await poller.readResource();
    else if (location !== null) final = await poller.untilNot202(location, 0);
    else final = { status: 200, headers: initial.headers, body: operation };
    return { initial, status: operation.status as TerminalStatus, operation, final: final as ArmResponse<T>, polls: poller.polls };
  }
  if (location !== null && initial.status === 202) {
    const final = (await poller.untilNot202(location)) as ArmResponse<T>;
    return { initial, status: final.status < 400 ? 'Succeeded' : 'Failed', final, polls: poller.polls };
  }
  const state = provisioningStateOf(initial.body);
  if ((method === 'PUT' || method === 'PATCH') && state !== undefined && !isTerminal(state)) {
    const final = (await poller.untilResourceTerminal()) as ArmResponse<T>;
    return { initial, status: provisioningStateOf(final.body) as TerminalStatus, final, polls: poller.polls };
  }
  return { initial, status: 'Succeeded', final: initial, polls: 0 };
}

function provisioningStateOf(body: unknown): string | undefined {
  return (body as { properties?: { provisioningState?: string } } | undefined)?.properties?.provisioningState;
}

/** Reads a polling URL at the pace its answers ask, within the operation's deadline. */
class Poller {
  polls = 0;
  private readonly deadline: number;
  private retryAfterMs: number;

  constructor(private readonly request: LongRunningRequest<unknown>) {
    this.deadline = Date.now() + request.settings.timeoutMs;
    this.retryAfterMs = this.retryAfterOf(request.initial);
  }

  async untilTerminalStatus(url: string): Promise<OperationStatusBody> {
    for (;;) {
      const response = await this.next(url);
      if (response.status === 200 && isTerminal((response.body as OperationStatusBody | undefined)?.status)) return response.body as OperationStatusBody;
      if (response.status >= 400 && response.status !== 429) throw this.failure(url, response);
    }
  }

  async untilNot202(url: string, firstWaitMs?: number): Promise<ArmResponse<never>> {
    if (firstWaitMs !== undefined) this.retryAfterMs = firstWaitMs;
    for (;;) {
      const response = await this.next(url);
      if (response.status !== 202 && response.status !== 429) return response;
    }
  }

  async untilResourceTerminal(): Promise<ArmResponse<never>> {
    for (;;) {
      const response = await this.next(this.request.resourceUrl);
      if (response.status >= 400 && response.status !== 429) throw this.failure(this.request.resourceUrl, response);
      if (isTerminal(provisioningStateOf(response.body))) return response;
    }
  }

  async readResource(): Promise<ArmResponse<never>> {
    return this.request.read(this.request.resourceUrl);
  }

  private async next(url: string): Promise<ArmResponse<never>> {
    if (Date.now() + this.retryAfterMs > this.deadline) {
      throw new ArmRequestError('GET', url, 0, undefined, `The operation behind ${url} did not end within ${this.request.settings.timeoutMs} ms.`);
    }
    await delay(this.retryAfterMs);
    const response = await this.request.read(url);
    this.polls += 1;
    this.retryAfterMs = this.retryAfterOf(response);
    return response;
  }

  /** `Retry-After` is whole seconds on ARM (arm-rpc.md §1.5); absent, the configured default. */
  private retryAfterOf(response: ArmResponse<unknown>): number {
    const header = response.headers.get('retry-after');
    const seconds = header === null ? Number.NaN : Number(header);
    const { defaultIntervalMs, maxIntervalMs } = this.request.settings;
    return Number.isFinite(seconds) && seconds >= 0 ? Math.min(seconds * 1000, maxIntervalMs) : defaultIntervalMs;
  }

  private failure(url: string, response: ArmResponse<unknown>): ArmRequestError {
    return new ArmRequestError('GET', url, response.status, isArmErrorBody(response.body) ? response.body : undefined);
  }
}
