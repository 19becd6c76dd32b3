import type { PlannedOperation } from '../workload/subscription-plan';
import type { Semaphore } from './semaphore';

/** One answer of the gateway, with when the request left and when the answer came. */
export interface GatewayAnswer {
  readonly status: number;
  readonly headers: Headers;
  readonly body: unknown;
  readonly sentAt: number;
  readonly receivedAt: number;
}

/** Thrown when no answer came (connection refused or reset); `code` names why. */
export class NoAnswerError extends Error {
  override readonly name = 'NoAnswerError';
  constructor(readonly code: string, cause: unknown) {
    super(`no answer from the gateway (${code})`, { cause });
  }
}

/**
 * Talks to the gateway as ARM does: the api-version in the query, JSON bodies and a `referer`
 * on the gateway's own URL, so the `Azure-AsyncOperation` URLs it hands out point back at it.
 * Every request waits for a permit of the shared semaphore (the run's concurrency).
 */
export class GatewayClient {
  constructor(
    private readonly baseUrl: string,
    private readonly permits: Semaphore,
    private readonly timeoutMs = 60_000,
  ) {}

  /** Issues a planned PUT or DELETE. */
  send(operation: PlannedOperation): Promise<GatewayAnswer> {
    const url = `${this.baseUrl}${operation.path}?api-version=${operation.apiVersion}`;
    const body = operation.body === undefined ? undefined : JSON.stringify(operation.body);
    return this.request(operation.method, url, body);
  }

  /** GETs a URL the gateway handed out (Azure-AsyncOperation). */
  get(url: string): Promise<GatewayAnswer> {
    return this.request('GET', url, undefined);
  }

  private request(method: string, url: string, body: string | undefined): Promise<GatewayAnswer> {
    return this.permits.run(async () => {
      const sentAt = Date.now();
      let response: Response;
      try {
        response = await fetch(url, {
          method,
          body,
          headers: { referer: url, 'content-type': 'application/json', 'x-ms-client-request-id': crypto.randomUUID() },
          signal: AbortSignal.timeout(this.timeoutMs),
        });
      } catch (error) {
        throw new NoAnswerError(noAnswerCode(error), error);
      }
      const text = await response.text().catch(() => '');
      return { status: response.status, headers: response.headers, body: parseJson(text), sentAt, receivedAt: Date.now() };
    });
  }
}

/** The ARM error code of an answer, else `HTTP <status>`. */
export function errorCodeOf(answer: Pick<GatewayAnswer, 'status' | 'body'>): string {
  const code = (answer.body as { error?: { code?: unknown } } | undefined)?.error?.code;
  return typeof code === 'string' && code !== '' ? code : `HTTP ${answer.status}`;
}

/** The ARM error message of an answer, if it has one. */
export function errorMessageOf(answer: Pick<GatewayAnswer, 'body'>): string | undefined {
  const message = (answer.body as { error?: { message?: unknown } } | undefined)?.error?.message;
  return typeof message === 'string' ? message : undefined;
}

function parseJson(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function noAnswerCode(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown } }).cause;
  if ((error as Error).name === 'TimeoutError') return 'Timeout';
  return typeof cause?.code === 'string' ? cause.code : 'NetworkError';
}
