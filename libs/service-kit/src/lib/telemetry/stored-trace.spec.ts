import { context, ROOT_CONTEXT, trace, TraceFlags } from '@opentelemetry/api';
import { operationParentContext, spanContextOfStoredIds, type StoredTraceIds } from './stored-trace';

const ROOT = '4bf92f3577b34da6a3ce929d0e0e4736';
const PARENT = '00f067aa0ba902b7';
const remote = (traceId: string, spanId: string) => ({ traceId, spanId, traceFlags: TraceFlags.SAMPLED, isRemote: true });

describe('spanContextOfStoredIds', () => {
  it.each<[string, StoredTraceIds, ReturnType<typeof remote> | undefined]>([
    ['a trace id and a span id', { loggingRootId: ROOT, loggingParentId: PARENT }, remote(ROOT, PARENT)],
    ['a trace id and a traceparent of that trace', { loggingRootId: ROOT, loggingParentId: `00-${ROOT}-${PARENT}-01` }, remote(ROOT, PARENT)],
    ['upper-case hex', { loggingRootId: ROOT.toUpperCase(), loggingParentId: PARENT.toUpperCase() }, remote(ROOT, PARENT)],
    ['a traceparent of another trace', { loggingRootId: ROOT, loggingParentId: `00-${'1'.repeat(32)}-${PARENT}-01` }, undefined],
    ['no parent', { loggingRootId: ROOT }, undefined],
    ['no root', { loggingParentId: PARENT }, undefined],
    ['a short root', { loggingRootId: ROOT.slice(1), loggingParentId: PARENT }, undefined],
    ['an all-zero root', { loggingRootId: '0'.repeat(32), loggingParentId: PARENT }, undefined],
    ['an all-zero parent', { loggingRootId: ROOT, loggingParentId: '0'.repeat(16) }, undefined],
    ['a non-hex parent', { loggingRootId: ROOT, loggingParentId: 'zzzzzzzzzzzzzzzz' }, undefined],
  ])('reads %s', (_name, ids, expected) => {
    expect(spanContextOfStoredIds(ids)).toEqual(expected);
  });
});

describe('operationParentContext', () => {
  const stored = { loggingRootId: ROOT, loggingParentId: PARENT };

  it('keeps the active context when it already is in the operation trace', () => {
    const active = trace.setSpanContext(ROOT_CONTEXT, remote(ROOT, 'aaaaaaaaaaaaaaaa'));
    expect(operationParentContext(stored, active)).toBe(active);
  });

  it('continues from the stored admission span when the active context is another trace or none', () => {
    const other = trace.setSpanContext(ROOT_CONTEXT, remote('2'.repeat(32), 'aaaaaaaaaaaaaaaa'));
    expect(trace.getSpanContext(operationParentContext(stored, other))).toEqual(remote(ROOT, PARENT));
    expect(trace.getSpanContext(operationParentContext(stored, ROOT_CONTEXT))).toEqual(remote(ROOT, PARENT));
  });

  it('keeps the active context when nothing usable was stored', () => {
    expect(operationParentContext({}, ROOT_CONTEXT)).toBe(ROOT_CONTEXT);
    expect(operationParentContext({ loggingRootId: 'x', loggingParentId: 'y' })).toBe(context.active());
  });
});
