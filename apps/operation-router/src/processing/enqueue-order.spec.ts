import { OperationStatus, OperationType, type OperationDocument } from '@iomt/domain';
import { operationsOn, sampleResources } from '../testing/samples';
import { compareEnqueueOrder, nextOperationBefore } from './enqueue-order';

const ops = operationsOn(sampleResources());
const other = operationsOn(sampleResources('0b6a3c55-1d2e-4f3a-9b8c-7d6e5f4a3b2c'));

/** A connector operation enqueued at +`offsetMs`, with a chosen id and status. */
function op(name: string, offsetMs: number, status = OperationStatus.Requested): OperationDocument {
  return { ...ops.connector(OperationType.Provision, offsetMs), id: name, provisioningStatus: status };
}

const X = op('x', 5_000);

describe('nextOperationBefore', () => {
  it.each<[string, OperationDocument[], string | undefined]>([
    ['nothing unfinished but the target itself', [X], undefined],
    ['an empty listing (the target ended elsewhere)', [], undefined],
    ['only later operations', [X, op('later', 6_000)], undefined],
    ['one earlier operation', [op('a', 1_000), X], 'a'],
    ['the earliest of several, whatever the listing order', [op('b', 2_000), X, op('a', 1_000), op('c', 3_000)], 'a'],
    ['an earlier Running one (a crashed attempt) like a Requested one', [op('r', 1_000, OperationStatus.Running), X], 'r'],
    ['not a terminal entry of a stale listing', [op('done', 1_000, OperationStatus.Completed), op('b', 2_000), X], 'b'],
    ['ties on timeEnqueued broken by id: a smaller id runs first', [op('w', 5_000), X], 'w'],
    ['ties on timeEnqueued broken by id: a larger id waits', [op('y', 5_000), X], undefined],
    ['not another subscription\'s operation', [{ ...other.connector(OperationType.Provision, 0), id: 'o' }, X], undefined],
  ])('%s', (_label, listing, expected) => {
    expect(nextOperationBefore(X, listing)?.id).toBe(expected);
  });
});

describe('compareEnqueueOrder', () => {
  it.each<[string, OperationDocument, OperationDocument, number]>([
    ['earlier time first', op('z', 1_000), op('a', 2_000), -1],
    ['later time last', op('a', 2_000), op('z', 1_000), 1],
    ['same time: by id', op('a', 1_000), op('b', 1_000), -1],
    ['same operation', op('a', 1_000), op('a', 1_000), 0],
  ])('%s', (_label, a, b, sign) => {
    expect(Math.sign(compareEnqueueOrder(a, b))).toBe(sign);
  });
});
