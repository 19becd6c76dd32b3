import { Subject } from '@iomt/contracts';
import { ValidationError } from '@iomt/domain';
import { currentLogFields } from '../telemetry/log-fields';
import { Logger } from '@nestjs/common';
import { context, SpanStatusCode, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { runCommand, UnexpectedWorkerError } from './run-command';

const OPERATION_ID = '3f6d1c2a-7b8e-4f90-a1b2-c3d4e5f60718';
const SUBSCRIPTION_ID = '0f2e3a4b-5c6d-4e7f-8a9b-0c1d2e3f4a5b';
const RESOURCE_IDS = {
  connector: `/subscriptions/${SUBSCRIPTION_ID}/resourceGroups/rg-iomt/providers/Microsoft.HealthcareApis/services/fhir1/iomtconnectors/conn1`,
};
const body = { operationId: OPERATION_ID, subscriptionId: SUBSCRIPTION_ID, resourceId: RESOURCE_IDS.connector, attempt: 2 };

describe('runCommand telemetry', () => {
  const exporter = new InMemorySpanExporter();

  beforeAll(() => {
    Logger.overrideLogger(false);
    context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
    trace.setGlobalTracerProvider(new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }));
  });
  afterAll(() => {
    trace.disable();
    context.disable();
  });
  beforeEach(() => exporter.reset());

  it('runs the command in a span of its operation, with the ids on the span and on its log lines', async () => {
    const seen = await runCommand(Subject.ProvisionIomtConnector, body, async () => ({ fields: currentLogFields(), span: trace.getActiveSpan() }));
    const [span] = exporter.getFinishedSpans();
    expect(span.name).toBe(`command ${Subject.ProvisionIomtConnector}`);
    expect(seen.fields).toEqual({ operationId: OPERATION_ID, subscriptionId: SUBSCRIPTION_ID });
    expect(span.attributes).toEqual({
      'iomt.operation.id': OPERATION_ID,
      'iomt.subscription.id': SUBSCRIPTION_ID,
      'iomt.command.subject': Subject.ProvisionIomtConnector,
      'iomt.operation.attempt': 2,
      'iomt.resource.id': RESOURCE_IDS.connector,
    });
  });

  it('marks the span failed with the classified error', async () => {
    const attempt = runCommand(Subject.ProvisionIomtConnector, body, () => Promise.reject(new TypeError('boom')));
    await expect(attempt).rejects.toBeInstanceOf(UnexpectedWorkerError);
    expect(exporter.getFinishedSpans()[0].status).toEqual({ code: SpanStatusCode.ERROR, message: 'UnexpectedWorkerError' });
  });

  it('starts no span for a payload it cannot read', async () => {
    await expect(runCommand(Subject.ProvisionIomtConnector, { attempt: 0 }, async () => 1)).rejects.toBeInstanceOf(ValidationError);
    expect(exporter.getFinishedSpans()).toEqual([]);
  });
});
