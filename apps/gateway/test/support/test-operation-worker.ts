import { Controller, INestMicroservice, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { EventPattern, Payload } from '@nestjs/microservices';
import { Subject } from '@iomt/contracts';
import {
  AccountRegistryManagementRepository,
  failOperation,
  isTerminalStatus,
  OperationDocument,
  OperationRepository,
  startOperationAttempt,
  succeedOperation,
  ValidationError,
} from '@iomt/domain';
import { ServerServiceBusSessions, ServiceBusExceptionFilter } from '@iomt/messaging';
import { CosmosAccountRegistryManagementRepository, CosmosOperationRepository } from '@iomt/persistence';
import type { LocalStack } from './local-stack';
import { FakeAzureEffects } from './fake-azure-effects';
import { applyOperationEffects } from './operation-effects';

/** How the worker ends an operation. */
export type Outcome = 'complete' | 'fail';

/**
 * A stand-in for the operation router until it exists: consumes `operations` (sessions per
 * subscription) with @iomt/messaging, and ends each operation — Completed by default, Failed when
 * `decide` says so — updating its resource the way the workers will.
 */
export class TestOperationWorker {
  private readonly finished = new Map<string, OperationDocument>();
  private waiters: { operationId: string; resolve: (operation: OperationDocument) => void; reject: (error: unknown) => void }[] = [];
  decide: (operation: OperationDocument) => Outcome = () => 'complete';
  private gate: Promise<void> = Promise.resolve();

  private constructor(
    private readonly operations: OperationRepository,
    private readonly registry: AccountRegistryManagementRepository,
    private readonly azure: FakeAzureEffects,
    private app?: INestMicroservice,
  ) {}

  static async start(stack: LocalStack): Promise<TestOperationWorker> {
    const containers = await stack.containers();
    const worker = new TestOperationWorker(
      new CosmosOperationRepository(containers.accountRegistry),
      new CosmosAccountRegistryManagementRepository(containers.accountRegistry, 60),
      new FakeAzureEffects(stack.arm.endpoint),
    );
    const server = new ServerServiceBusSessions({
      connectionString: stack.bus.connectionString,
      entity: { queueName: 'operations' },
      sessionIdleTimeoutMs: 200,
      acceptSessionTimeoutMs: 1_000,
    });
    @Controller()
    class OperationsController {
      @EventPattern(Subject.OperationRequested)
      handle(@Payload() payload: { operationId: string; subscriptionId: string }): Promise<void> {
        return worker.process(payload.subscriptionId, payload.operationId);
      }
    }
    @Module({ controllers: [OperationsController] })
    class WorkerModule {}
    worker.app = await NestFactory.createMicroservice(WorkerModule, { strategy: server, logger: false });
    worker.app.useGlobalFilters(new ServiceBusExceptionFilter());
    await worker.app.listen();
    return worker;
  }

  /** Resolves with the operation once the worker has ended it; rejects when the worker itself failed meanwhile. */
  whenFinished(operationId: string): Promise<OperationDocument> {
    const done = this.finished.get(operationId);
    if (done !== undefined) return Promise.resolve(done);
    if (this.errors.length > 0) return Promise.reject(this.errors[0]);
    return new Promise((resolve, reject) => this.waiters.push({ operationId, resolve, reject }));
  }

  /** Resolves once the operation of an accepted request (its `Azure-AsyncOperation` header) has ended. */
  whenAccepted(response: { headers: Record<string, string> }): Promise<OperationDocument> {
    const url = response.headers['azure-asyncoperation'];
    return this.whenFinished(new URL(url).pathname.split('/').at(-1) ?? '');
  }

  /** Holds every operation (the worker takes its message but does not start it) until the returned function is called. */
  hold(): () => void {
    let release!: () => void;
    this.gate = new Promise((resolve) => (release = resolve));
    return release;
  }

  async stop(): Promise<void> {
    await this.app?.close();
  }

  /** Failures of the worker itself (not of operations): a test that waits in vain can show them. */
  readonly errors: unknown[] = [];

  private async process(subscriptionId: string, operationId: string): Promise<void> {
    try {
      await this.run(subscriptionId, operationId);
    } catch (error) {
      this.errors.push(error);
      for (const waiter of this.waiters) waiter.reject(error);
      this.waiters = [];
      throw error;
    }
  }

  private async run(subscriptionId: string, operationId: string): Promise<void> {
    await this.gate;
    const stored = await this.operations.get(subscriptionId, operationId);
    if (stored === undefined || isTerminalStatus(stored.provisioningStatus)) return;
    const running = await this.operations.update(startOperationAttempt(stored, new Date()), { ifMatch: stored._etag ?? '' });
    const ended =
      this.decide(running) === 'fail'
        ? failOperation(running, new ValidationError('The test worker was told to fail this operation.'), new Date())
        : succeedOperation(running, new Date());
    await applyOperationEffects(this.registry, ended, this.azure);
    const saved = await this.operations.update(ended, { ifMatch: running._etag ?? '' });
    this.finished.set(operationId, saved);
    this.waiters = this.waiters.filter((w) => (w.operationId === operationId ? (w.resolve(saved), false) : true));
  }
}
