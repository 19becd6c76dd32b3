import { setTimeout as sleep } from 'node:timers/promises';

const API_VERSION = '2023-11-01';
const TERMINAL = new Set(['Succeeded', 'Failed', 'Canceled']);

/** One operation the bench asked for through the gateway, and what became of it. */
export interface TrackedOperation {
  readonly subscriptionId: string;
  readonly resourcePath: string;
  /** Client clock when the PUT was sent. */
  readonly sentAt: number;
  /** Client clock when the 201/202 came back. */
  readonly acceptedAt: number;
  /** The `Azure-AsyncOperation` URL. */
  readonly statusUrl: string;
  /** The operation id (last segment of the status URL). */
  readonly operationId: string;
  /** Terminal status, or the last status seen when polling gave up. */
  status: string;
  /** The operation document's `endTime` (the router's clock, same machine). */
  endTime?: number;
  /** The status body's `error` when it ended Failed or Canceled. */
  error?: unknown;
}

/** The ARM path of a FHIR service of `subscriptionId`. */
export function fhirServicePath(subscriptionId: string, name: string): string {
  return `/subscriptions/${subscriptionId}/resourceGroups/rg-bench/providers/Microsoft.HealthcareApis/services/${name}`;
}

/**
 * PUTs a FHIR service through the gateway as ARM would (anonymous on loopback, the local stack's
 * conveniences) and returns the accepted operation. Anything but 201/202 is an error naming the status and body.
 */
export async function putFhirService(gatewayUrl: string, subscriptionId: string, name: string): Promise<TrackedOperation> {
  const resourcePath = fhirServicePath(subscriptionId, name);
  const sentAt = performance.now();
  const response = await fetch(`${gatewayUrl}${resourcePath}?api-version=${API_VERSION}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ location: 'westus2', kind: 'fhir-R4' }),
  });
  const acceptedAt = performance.now();
  const body = await response.text();
  if (response.status !== 201 && response.status !== 202) throw new Error(`PUT ${resourcePath} answered ${response.status}: ${body}`);
  const statusUrl = response.headers.get('azure-asyncoperation');
  if (statusUrl === null) throw new Error(`PUT ${resourcePath} answered ${response.status} without Azure-AsyncOperation`);
  const operationId = new URL(statusUrl).pathname.split('/').pop() ?? '';
  return { subscriptionId, resourcePath, sentAt, acceptedAt, statusUrl, operationId, status: 'Accepted' };
}

/**
 * Polls the operation's status URL until it is terminal or `deadline` (client clock) passes,
 * waiting `intervalMs` between polls (the bench may poll faster than the Retry-After header asks:
 * latency comes from the document's endTime, so the interval only bounds how soon the bench notices).
 */
export async function pollToTerminal(operation: TrackedOperation, intervalMs: number, deadline: number, clockOffsetMs: number): Promise<void> {
  while (performance.now() < deadline) {
    const response = await fetch(operation.statusUrl);
    if (response.status !== 200) throw new Error(`GET ${operation.statusUrl} answered ${response.status}: ${await response.text()}`);
    const body = (await response.json()) as { status: string; endTime?: string; error?: unknown };
    operation.status = body.status;
    if (TERMINAL.has(body.status)) {
      operation.error = body.error;
      if (body.endTime !== undefined) operation.endTime = Date.parse(body.endTime) - clockOffsetMs;
      return;
    }
    await sleep(intervalMs);
  }
}

/** Runs `work` over `items` with at most `limit` in flight. */
export async function inParallel<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const runners = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await work(items[next++]);
  });
  await Promise.all(runners);
}
