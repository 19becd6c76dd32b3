import { context, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { BasicTracerProvider } from '@opentelemetry/sdk-trace-base';
import { currentTraceContext, runWithTraceContext, TraceContext } from './trace-context';
import { W3CTracePropagator } from './trace-propagator';

const PARENT_A = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';
const PARENT_B = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00';
const propagator = new W3CTracePropagator();

describe('W3CTracePropagator.extract', () => {
  it.each<[string, Record<string, unknown> | undefined, TraceContext | undefined]>([
    ['a valid traceparent and tracestate', { traceparent: PARENT_A, tracestate: 'congo=t61rcWkgMzE' }, { traceparent: PARENT_A, tracestate: 'congo=t61rcWkgMzE' }],
    ['a valid traceparent alone', { traceparent: PARENT_A }, { traceparent: PARENT_A }],
    ['an Azure SDK Diagnostic-Id alone', { 'Diagnostic-Id': PARENT_B }, { traceparent: PARENT_B }],
    ['a traceparent over a Diagnostic-Id', { traceparent: PARENT_A, 'Diagnostic-Id': PARENT_B }, { traceparent: PARENT_A }],
    ['an invalid Diagnostic-Id', { 'Diagnostic-Id': 'garbage' }, undefined],
    ['no properties', undefined, undefined],
    ['no traceparent', { other: 1 }, undefined],
    ['a tracestate without traceparent', { tracestate: 'a=b' }, undefined],
    ['upper-case hex', { traceparent: PARENT_A.toUpperCase() }, undefined],
    ['an all-zero trace id', { traceparent: '00-00000000000000000000000000000000-b7ad6b7169203331-01' }, undefined],
    ['an all-zero parent id', { traceparent: '00-0af7651916cd43dd8448eb211c80319c-0000000000000000-01' }, undefined],
    ['the forbidden version ff', { traceparent: 'ff-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01' }, undefined],
    ['a short trace id', { traceparent: '00-0af7651916cd43dd-b7ad6b7169203331-01' }, undefined],
    ['a number', { traceparent: 42 }, undefined],
    ['an over-long tracestate (dropped, parent kept)', { traceparent: PARENT_A, tracestate: 'a='.padEnd(600, 'x') }, { traceparent: PARENT_A }],
  ])('reads %s', (_name, properties, expected) => {
    expect(propagator.extract(properties)).toEqual(expected);
  });
});

describe('W3CTracePropagator.inject', () => {
  it('keeps a valid traceparent set on the record over explicit and ambient contexts', () => {
    const injected = runWithTraceContext({ traceparent: PARENT_B }, () =>
      propagator.inject({ traceparent: PARENT_A, tracestate: 'k=v', user: 'x' }, { traceparent: PARENT_B }),
    );
    expect(injected).toEqual({ traceparent: PARENT_A, 'Diagnostic-Id': PARENT_A, tracestate: 'k=v', user: 'x' });
  });

  it('uses the explicit context over the ambient one', () => {
    const injected = runWithTraceContext({ traceparent: PARENT_A }, () => propagator.inject({}, { traceparent: PARENT_B }));
    expect(injected).toEqual({ traceparent: PARENT_B, 'Diagnostic-Id': PARENT_B });
  });

  it('falls back to the ambient context, across awaits', async () => {
    const injected = await runWithTraceContext({ traceparent: PARENT_A, tracestate: 's=1' }, async () => {
      await Promise.resolve();
      return propagator.inject({ user: 1 });
    });
    expect(injected).toEqual({ user: 1, traceparent: PARENT_A, 'Diagnostic-Id': PARENT_A, tracestate: 's=1' });
  });

  it('drops an invalid traceparent (and a stale Diagnostic-Id) from the record instead of forwarding it', () => {
    expect(propagator.inject({ traceparent: 'garbage', 'Diagnostic-Id': PARENT_B, tracestate: 'k=v', user: true })).toEqual({ user: true });
  });

  it('ignores an invalid explicit context', () => {
    expect(propagator.inject({}, { traceparent: 'nope' })).toEqual({});
  });

  it('adds nothing outside any context', () => {
    expect(currentTraceContext()).toBeUndefined();
    expect(propagator.inject({ a: 'b' })).toEqual({ a: 'b' });
  });

  it('runs work outside the ambient context when given none', () => {
    const seen = runWithTraceContext({ traceparent: PARENT_A }, () => runWithTraceContext(undefined, currentTraceContext));
    expect(seen).toBeUndefined();
  });
});

describe('W3CTracePropagator.inject with OpenTelemetry', () => {
  beforeAll(() => {
    context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
    trace.setGlobalTracerProvider(new BasicTracerProvider());
  });
  afterAll(() => {
    trace.disable();
    context.disable();
  });

  it('uses the active span over the ambient context, and the explicit one over both', async () => {
    const span = trace.getTracer('spec').startSpan('send');
    const { traceId, spanId } = span.spanContext();
    const expected = `00-${traceId}-${spanId}-01`;
    const [active, explicit] = await runWithTraceContext({ traceparent: PARENT_A }, () =>
      context.with(trace.setSpan(context.active(), span), async () => {
        await Promise.resolve();
        return [propagator.inject({}), propagator.inject({}, { traceparent: PARENT_B })];
      }),
    );
    span.end();
    expect(active).toEqual({ traceparent: expected, 'Diagnostic-Id': expected });
    expect(explicit).toEqual({ traceparent: PARENT_B, 'Diagnostic-Id': PARENT_B });
  });
});
