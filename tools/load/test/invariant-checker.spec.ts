import { checkInvariants } from '../src/check/invariant-checker';
import type { OperationDocumentView, OperationRecord } from '../src/driver/operation-record';

const SUB = '00000000-0000-0000-0000-00000000000a';

/** An accepted operation that ran alone: issued at `t`, started by t+100, ended by t+200. */
function op(sequence: number, t: number, extra: Partial<OperationRecord> = {}): OperationRecord {
  return {
    subscriptionId: SUB, sequence, kind: 'service', method: 'PUT', path: `/p/${sequence}`, issuedAt: t, answeredAt: t + 10,
    operationId: `op-${sequence}`, status: 'Succeeded', notStartedAt: t + 20, unfinishedAt: t + 90, startedBy: t + 100, terminalAt: t + 200,
    document: doc('Completed', t + 150), ...extra,
  };
}

function doc(provisioningStatus: OperationDocumentView['provisioningStatus'], timeEnded?: number): OperationDocumentView {
  return { provisioningStatus, timeEnqueued: 0, timeEnded };
}

describe('checkInvariants', () => {
  it('finds nothing in a history where each operation waited for the one before', () => {
    const history = [op(0, 1000), op(1, 1200), op(2, 1400), { ...op(3, 1600), subscriptionId: 'other' }];
    expect(checkInvariants(history, { operations: 0 })).toEqual([]);
  });

  it('ignores refused requests, which never became operations', () => {
    const refused: OperationRecord = { subscriptionId: SUB, sequence: 1, kind: 'connector', method: 'PUT', path: '/p', issuedAt: 1000, errorCode: 'Conflict' };
    expect(checkInvariants([op(0, 1000), refused], {})).toEqual([]);
  });

  it.each([
    ['still Running in Cosmos', { document: doc('Running') }],
    ['Requested in Cosmos', { document: doc('Requested') }],
    ['without a document', { document: doc('Missing') }],
    ['last seen Running when Cosmos was not read', { document: undefined, status: 'Running' }],
  ])('reports an accepted operation %s as lost', (_name, extra: Partial<OperationRecord>) => {
    const [violation, ...rest] = checkInvariants([op(0, 1000, extra)], {});
    expect(rest).toEqual([]);
    expect(violation).toMatchObject({ invariant: 'lost', subscriptionId: SUB, operationIds: ['op-0'] });
  });

  it.each([
    ['a status answer said the earlier one was still running after', 'overlap', { unfinishedAt: 1250, document: doc('Completed', 1150) }],
    ['the earlier one ended (timeEnded) after', 'overlap', { unfinishedAt: 1090, document: doc('Completed', 1240) }],
    ['a status answer said the earlier one was still Requested after', 'out-of-order', { notStartedAt: 1250, unfinishedAt: 1250 }],
  ])('reports a later-arrived operation that started before %s it started', (_name, invariant, earlier: Partial<OperationRecord>) => {
    const later = op(1, 1100, { startedBy: 1220, unfinishedAt: undefined, notStartedAt: undefined, document: doc('Completed', 1300) });
    const violations = checkInvariants([op(0, 1000, earlier), later], {});
    expect(violations).toEqual([expect.objectContaining({ invariant, subscriptionId: SUB, operationIds: ['op-0', 'op-1'] })]);
  });

  it('reports a later-arrived operation that ended before the earlier one as out of order', () => {
    const violations = checkInvariants([op(0, 1000, { document: doc('Completed', 5000) }), op(1, 1100, { startedBy: undefined, document: doc('Failed', 4000) })], {});
    expect(violations).toEqual([expect.objectContaining({ invariant: 'out-of-order', operationIds: ['op-0', 'op-1'] })]);
  });

  it('compares every pair of a subscription, not only neighbours', () => {
    const violations = checkInvariants([op(0, 1000, { unfinishedAt: 1500, document: doc('Completed', 1600) }), op(1, 1700), op(2, 1900, { startedBy: 1450 })], {});
    expect(violations.map((v) => v.operationIds)).toContainEqual(['op-0', 'op-2']);
  });

  it('reports every queue holding dead-lettered messages', () => {
    const violations = checkInvariants([], { operations: 2, 'iomt-commands': 0, 'operation-replies': 1 });
    expect(violations.map((v) => [v.invariant, v.detail])).toEqual([
      ['dead-letter', '2 message(s) in operations/$deadletterqueue'],
      ['dead-letter', '1 message(s) in operation-replies/$deadletterqueue'],
    ]);
  });
});
