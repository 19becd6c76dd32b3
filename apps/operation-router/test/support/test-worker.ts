import { QueueName } from '@iomt/contracts';
import { TransientError, ValidationError } from '@iomt/domain';
import { deadLetter, replyProgressSenderOf, ServerServiceBusSessions, type ServiceBusContext } from '@iomt/messaging';

/**
 * What the worker does with one command: succeed, fail (retryably or for good), or report
 * `progress` on the reply path (percentages, in order) and wait for a gate first, then succeed.
 */
export type WorkerBehaviour = 'ok' | 'retryable' | 'permanent' | { readonly gate: Promise<void>; readonly progress?: readonly number[] };

/** One command the worker ran. */
export interface WorkRecord {
  readonly subject: string;
  readonly operationId: string;
  readonly subscriptionId: string;
  readonly attempt: number;
  readonly start: number;
  end?: number;
}

type Listener = { predicate: (record: WorkRecord) => boolean; resolve: () => void };

/**
 * A stand-in for the provisioners on the real transport: consumes `fhir-commands` and
 * `iomt-commands` (sessions = subscriptions, one command at a time per subscription) and answers
 * each command per its plan. Its settlement policy dead-letters every failure, which makes the
 * transport reply with the error's own `code` and `retryable`, as a worker that gave up would.
 */
export class TestWorker {
  readonly records: WorkRecord[] = [];
  private readonly plans = new Map<string, WorkerBehaviour[]>();
  private listeners: Listener[] = [];
  private readonly servers: ServerServiceBusSessions[] = [];

  /** Starts consuming the command queues of `connectionString`. */
  static async start(connectionString: string, subjects: readonly string[]): Promise<TestWorker> {
    const worker = new TestWorker();
    for (const queue of [QueueName.FhirCommands, QueueName.IomtCommands]) {
      const server = new ServerServiceBusSessions({
        connectionString,
        entity: { queueName: queue },
        maxConcurrentSessions: 8,
        // Long enough that a message never arrives after the pump gave up on an idle session (see README).
        sessionIdleTimeoutMs: 1_000,
        acceptSessionTimeoutMs: 1_000,
        settlementPolicy: () => deadLetter('TestWorkerFailure', 'the test worker failed the command'),
      });
      const progress = replyProgressSenderOf(server);
      const report = (ctx: ServiceBusContext) => (percent: number) => progress.report(ctx.getMessage(), percent);
      for (const subject of subjects) {
        server.addHandler(subject, (body: unknown, ctx: ServiceBusContext) => worker.run(ctx.getSubject(), body, report(ctx)), false);
      }
      await new Promise<void>((resolve, reject) => void server.listen((error) => (error ? reject(error) : resolve())));
      worker.servers.push(server);
    }
    return worker;
  }

  /** What to do with the next commands of `operationId`, one behaviour per attempt (then 'ok'). */
  plan(operationId: string, ...behaviours: WorkerBehaviour[]): void {
    this.plans.set(operationId, behaviours);
  }

  /** Resolves once a command matching `predicate` has started (or already had). */
  started(predicate: (record: WorkRecord) => boolean): Promise<void> {
    if (this.records.some(predicate)) return Promise.resolve();
    return new Promise((resolve) => this.listeners.push({ predicate, resolve }));
  }

  /** The commands run for `operationId`, in order. */
  recordsOf(operationId: string): WorkRecord[] {
    return this.records.filter((record) => record.operationId === operationId);
  }

  async stop(): Promise<void> {
    await Promise.all(this.servers.map((server) => server.close()));
  }

  private async run(subject: string, body: unknown, report: (percent: number) => Promise<void>): Promise<object> {
    const { operationId, subscriptionId, attempt } = body as { operationId: string; subscriptionId: string; attempt: number };
    const record: WorkRecord = { subject, operationId, subscriptionId, attempt, start: Date.now() };
    this.records.push(record);
    this.listeners = this.listeners.filter((l) => (l.predicate(record) ? (l.resolve(), false) : true));
    const behaviour = this.plans.get(operationId)?.shift() ?? 'ok';
    if (typeof behaviour === 'object') {
      for (const percent of behaviour.progress ?? []) await report(percent);
      await behaviour.gate;
    }
    record.end = Date.now();
    if (behaviour === 'retryable') throw new TransientError('The fake ARM is busy.');
    if (behaviour === 'permanent') throw new ValidationError('The template is invalid.', { code: 'InvalidTemplate' });
    return { deploymentNames: [`test-${operationId.slice(0, 8)}-${attempt}`] };
  }
}
