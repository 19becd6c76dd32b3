import { ArmRequestError, isArmErrorBody } from './arm-error';
import type { ArmResponse, LroResult } from './arm-response';
import { followLongRunning, type PollSettings } from './long-running';

/** Options of {@link ArmClient}. */
export interface ArmClientOptions {
  /** Where ARM (or the gateway standing in for it) listens, e.g. `http://127.0.0.1:8080`. */
  readonly baseUrl: string;
  /** Sent as `Authorization: Bearer <token>` when set. */
  readonly token?: string;
  /** Wait between polls when an answer has no `Retry-After` (default 1000 ms). */
  readonly defaultPollIntervalMs?: number;
  /** Upper bound of a wait between polls, whatever `Retry-After` says (default 60 000 ms). */
  readonly maxPollIntervalMs?: number;
  /** How long a long-running operation may take before the wait gives up (default 120 000 ms). */
  readonly operationTimeoutMs?: number;
  /** Headers sent with every request (e.g. `x-ms-client-request-id`). */
  readonly headers?: Readonly<Record<string, string>>;
}

/** HTTP methods of the ARM resource contract. */
export type ArmMethod = 'GET' | 'PUT' | 'PATCH' | 'DELETE' | 'POST';

/**
 * A small typed client of an ARM surface: requests with an `api-version`, answers with their status
 * and parsed body, and long-running operations followed as ARM follows them (the
 * `Azure-AsyncOperation` URL polled at the pace its `Retry-After` asks until a terminal status, then
 * the resource read back or the `Location` result collected). Errors carry the ARM error body.
 */
export class ArmClient {
  private readonly poll: PollSettings;

  constructor(private readonly options: ArmClientOptions) {
    this.poll = {
      defaultIntervalMs: options.defaultPollIntervalMs ?? 1000,
      maxIntervalMs: options.maxPollIntervalMs ?? 60_000,
      timeoutMs: options.operationTimeoutMs ?? 120_000,
    };
  }

  /** The absolute URL of a path with its api-version (an absolute URL is kept as it is). */
  url(path: string, apiVersion?: string): string {
    const url = new URL(path, this.options.baseUrl);
    if (apiVersion !== undefined) url.searchParams.set('api-version', apiVersion);
    return url.toString();
  }

  /** Sends one request and answers whatever status comes back (throws only when nothing answers). */
  async request<T = unknown>(method: ArmMethod, url: string, body?: unknown): Promise<ArmResponse<T>> {
    const headers: Record<string, string> = { accept: 'application/json', ...this.options.headers };
    if (this.options.token) headers['authorization'] = `Bearer ${this.options.token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: (text === '' ? undefined : parseJson(text)) as T };
  }

  /** GET; throws {@link ArmRequestError} on a 4xx or 5xx. */
  get<T = unknown>(path: string, apiVersion: string): Promise<ArmResponse<T>> {
    return this.send<T>('GET', path, apiVersion);
  }

  /** PUT without waiting for the operation; throws {@link ArmRequestError} on a 4xx or 5xx. */
  put<T = unknown>(path: string, apiVersion: string, body: unknown): Promise<ArmResponse<T>> {
    return this.send<T>('PUT', path, apiVersion, body);
  }

  /** PATCH without waiting for the operation; throws {@link ArmRequestError} on a 4xx or 5xx. */
  patch<T = unknown>(path: string, apiVersion: string, body: unknown): Promise<ArmResponse<T>> {
    return this.send<T>('PATCH', path, apiVersion, body);
  }

  /** DELETE without waiting for the operation; throws {@link ArmRequestError} on a 4xx or 5xx. */
  delete<T = unknown>(path: string, apiVersion: string): Promise<ArmResponse<T>> {
    return this.send<T>('DELETE', path, apiVersion);
  }

  /** POST of an action; throws {@link ArmRequestError} on a 4xx or 5xx. */
  post<T = unknown>(path: string, apiVersion: string, body: unknown = {}): Promise<ArmResponse<T>> {
    return this.send<T>('POST', path, apiVersion, body);
  }

  /** PUT, then the operation followed to its terminal state and the resource read back. */
  putAndWait<T = unknown>(path: string, apiVersion: string, body: unknown): Promise<LroResult<T>> {
    return this.sendAndWait<T>('PUT', path, apiVersion, body);
  }

  /** PATCH, then the operation followed to its terminal state and the resource read back. */
  patchAndWait<T = unknown>(path: string, apiVersion: string, body: unknown): Promise<LroResult<T>> {
    return this.sendAndWait<T>('PATCH', path, apiVersion, body);
  }

  /** DELETE, then the operation followed to its terminal state and its `Location` result. */
  deleteAndWait<T = unknown>(path: string, apiVersion: string): Promise<LroResult<T>> {
    return this.sendAndWait<T>('DELETE', path, apiVersion);
  }

  /** POST of an action, then its operation (if it started one) followed to the end. */
  postAndWait<T = unknown>(path: string, apiVersion: string, body: unknown = {}): Promise<LroResult<T>> {
    return this.sendAndWait<T>('POST', path, apiVersion, body);
  }

  /** Sends a request; throws {@link ArmRequestError} on a 4xx or 5xx. */
  async send<T = unknown>(method: ArmMethod, path: string, apiVersion: string, body?: unknown): Promise<ArmResponse<T>> {
    const url = this.url(path, apiVersion);
    const response = await this.request<T>(method, url, body);
    if (response.status >= 400) throw new ArmRequestError(method, url, response.status, isArmErrorBody(response.body) ? response.body : undefined);
    return response;
  }

  /** Sends a request and follows the long-running operation it starts, if any, to its end. */
  async sendAndWait<T = unknown>(method: ArmMethod, path: string, apiVersion: string, body?: unknown): Promise<LroResult<T>> {
    const initial = await this.send<T>(method, path, apiVersion, body);
    return followLongRunning<T>({
      method,
      resourceUrl: this.url(path, apiVersion),
      initial,
      settings: this.poll,
      read: (url) => this.request<never>('GET', url),
    });
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
