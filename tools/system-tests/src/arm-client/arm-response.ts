/** An HTTP answer of ARM (or of a resource provider behind it), its body parsed when it is JSON. */
export interface ArmResponse<T = unknown> {
  readonly status: number;
  readonly headers: Headers;
  /** The parsed JSON body; `undefined` for an empty body (204, 202 without content). */
  readonly body: T;
}

/** The terminal statuses of a long-running operation (arm-rpc.md §1.5). */
export const TERMINAL_STATUSES = ['Succeeded', 'Failed', 'Canceled'] as const;

/** How a long-running operation ended. */
export type TerminalStatus = (typeof TERMINAL_STATUSES)[number];

/** The body of an `Azure-AsyncOperation` status URL. */
export interface OperationStatusBody {
  readonly id?: string;
  readonly name?: string;
  readonly status: string;
  readonly startTime?: string;
  readonly endTime?: string;
  readonly percentComplete?: number;
  readonly error?: { readonly code: string; readonly message: string; readonly target?: string; readonly details?: unknown[] };
  readonly properties?: unknown;
}

/** A long-running request followed to its end, as ARM follows it. */
export interface LroResult<T = unknown> {
  /** The first answer (201/200 of a PUT, 202 of a PATCH or DELETE...). */
  readonly initial: ArmResponse<T>;
  /** The terminal status; `Succeeded` for a request answered synchronously. */
  readonly status: TerminalStatus;
  /** The last body of the `Azure-AsyncOperation` URL, when the request named one. */
  readonly operation?: OperationStatusBody;
  /**
   * What the caller gets at the end: a GET of the resource after a PUT or PATCH; the `Location`
   * URL's final answer after a DELETE or POST (its 204 included); the initial answer otherwise.
   */
  readonly final: ArmResponse<T>;
  /** Status and Location reads made while waiting. */
  readonly polls: number;
}
