import { context, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { BasicTracerProvider } from '@opentelemetry/sdk-trace-base';
import type { ArmRequest } from '../arm/arm-request';
import { asSystemRequest, newOperationContext } from './operation-context';

const NOW = new Date('2026-11-22T08:00:00Z');
const clock = { now: () => NOW };
const ARM_ROOT = '4bf92f3577b34da6a3ce929d0e0e4736';
const ARM_PARENT = '00f067aa0ba902b7';
const arm = (trace: ArmRequest['trace'], caller?: ArmRequest['caller']) => ({ trace, caller }) as ArmRequest;
const CALLER = { homeTenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47', objectId: '5b307da8-43d4-492b-8b66-b0294ade872f' };

describe('newOperationContext', () => {
  beforeAll(() => {
    context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
    trace.setGlobalTracerProvider(new BasicTracerProvider());
  });
  afterAll(() => {
    trace.disable();
    context.disable();
  });

  it('stores the trace id and the span id of the request span admitting the operation', () => {
    const span = trace.getTracer('spec').startSpan('PUT');
    const result = context.with(trace.setSpan(context.active(), span), () =>
      newOperationContext(arm({ rootId: ARM_ROOT, parentId: ARM_PARENT }), clock, 'westus2'),
    );
    span.end();
    expect(result).toEqual({
      now: NOW,
      primaryRegionName: 'westus2',
      loggingRootId: span.spanContext().traceId,
      loggingParentId: span.spanContext().spanId,
    });
  });

  it.each<[string, ArmRequest['trace'], object]>([
    ['ARM ids when no span is active (telemetry disabled)', { rootId: ARM_ROOT, parentId: ARM_PARENT }, { loggingRootId: ARM_ROOT, loggingParentId: ARM_PARENT }],
    ['nothing without either', {}, {}],
  ])('stores %s', (_name, armTrace, expected) => {
    expect(newOperationContext(arm(armTrace), clock, 'westus2')).toEqual({ now: NOW, primaryRegionName: 'westus2', ...expected });
  });

  it('records the caller as the initiator of an operation it asks for', () => {
    expect(newOperationContext(arm({}, CALLER), clock, 'westus2')).toEqual({ now: NOW, primaryRegionName: 'westus2', initiator: CALLER });
  });

  it('records no initiator for what the system starts on the request, and leaves the request itself alone', () => {
    const request = arm({ rootId: ARM_ROOT }, CALLER);
    expect(newOperationContext(asSystemRequest(request), clock, 'westus2')).not.toHaveProperty('initiator');
    expect(request.caller).toBe(CALLER);
  });
});
