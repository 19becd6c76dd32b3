import { Logger } from '@nestjs/common';
import { FixedClock, OperationStatus, OperationType, startOperationAttempt, succeedOperation, TransientError, type OperationDocument } from '@iomt/domain';
import { InMemoryOperationRepository } from '../testing/in-memory-operation.repository';
import { operationsOn, sampleResources } from '../testing/samples';
import { OperationStore } from './operation-store';
import { ProgressWriter } from './progress-writer';

const clock = new FixedClock('2026-01-01T00:05:00Z');

function setUp(minIntervalMs = 0, now: () => number = Date.now) {
  const operations = new InMemoryOperationRepository();
  const requested = operationsOn(sampleResources()).fhir(OperationType.Provision);
  const running = operations.seed(startOperationAttempt(requested, clock.now()));
  const writer = new ProgressWriter(new OperationStore(operations, clock), running, minIntervalMs, now);
  const stored = () => operations.operations.get(running.id) as OperationDocument;
  return { operations, running, writer, stored };
}

describe('ProgressWriter', () => {
  beforeEach(() => jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined));
  afterEach(() => jest.restoreAllMocks());

  it('writes each reported percentage in order, each on the version the last one stored', async () => {
    const { writer, stored } = setUp();
    writer.report(20);
    writer.report(60);
    const latest = await writer.settled();
    expect(stored()).toMatchObject({ percentComplete: 60, provisioningStatus: OperationStatus.Running, timeLastUpdated: '2026-01-01T00:05:00.000Z' });
    expect(latest._etag).toBe(stored()._etag);
  });

  it.each([
    { why: 'goes backwards', reports: [50, 30], expected: 50 },
    { why: 'repeats itself', reports: [40, 40], expected: 40 },
    { why: 'claims 100 % (only Completed is 100 %)', reports: [100], expected: 99 },
    { why: 'is below zero', reports: [-5], expected: 0 },
    { why: 'is not a number', reports: [Number.NaN, 10], expected: 10 },
  ])('never lets progress that $why through', async ({ reports, expected }) => {
    const { writer, stored } = setUp();
    for (const percent of reports) writer.report(percent);
    await writer.settled();
    expect(stored().percentComplete).toBe(expected);
  });

  it('writes nothing once the operation is terminal (another replica ended it)', async () => {
    const { operations, running, writer, stored } = setUp();
    const ended = operations.seed(succeedOperation(running, clock.now()));
    writer.report(70);
    await writer.settled();
    expect(stored()).toEqual(ended);
  });

  it('re-applies the progress on top of a version another write stored meanwhile (ETag conflict)', async () => {
    const { operations, running, writer, stored } = setUp();
    operations.seed({ ...running, percentComplete: 10, exceptionDetails: 'noted elsewhere' });
    writer.report(30);
    await writer.settled();
    expect(stored()).toMatchObject({ percentComplete: 30, exceptionDetails: 'noted elsewhere' });
  });

  it('logs a failed write and goes on (progress is advisory)', async () => {
    const { operations, writer, stored } = setUp();
    operations.beforeUpdate = () => {
      operations.beforeUpdate = undefined;
      throw new TransientError('the Global DB is busy');
    };
    writer.report(30);
    writer.report(50);
    await expect(writer.settled()).resolves.toMatchObject({ percentComplete: 50 });
    expect(stored().percentComplete).toBe(50);
    expect(Logger.prototype.warn).toHaveBeenCalledWith(expect.stringContaining('could not write 30% progress: the Global DB is busy'));
  });

  describe('with a minimum interval between writes', () => {
    beforeEach(() => jest.useFakeTimers({ now: 0 }));
    afterEach(() => jest.useRealTimers());
    const fakeNow = () => Date.now();
    const writesOf = (operations: InMemoryOperationRepository) => jest.spyOn(operations, 'update');

    it('writes nothing for a command that ends within the interval', async () => {
      const { operations, writer, stored, running } = setUp(1_000, fakeNow);
      const updates = writesOf(operations);
      writer.report(20);
      jest.advanceTimersByTime(500);
      writer.report(90);
      await expect(writer.settled()).resolves.toEqual(running);
      jest.advanceTimersByTime(5_000);
      expect(updates).not.toHaveBeenCalled();
      expect(stored().percentComplete).toBe(running.percentComplete);
    });

    it('writes the latest held report once the interval has passed, then at most one per interval', async () => {
      const { operations, writer, stored } = setUp(1_000, fakeNow);
      const updates = writesOf(operations);
      writer.report(20);
      writer.report(40);
      jest.advanceTimersByTime(999);
      expect(updates).not.toHaveBeenCalled();
      jest.advanceTimersByTime(1);
      await jest.runOnlyPendingTimersAsync();
      expect(updates).toHaveBeenCalledTimes(1);
      expect(stored().percentComplete).toBe(40);

      writer.report(60);
      writer.report(80);
      expect(updates).toHaveBeenCalledTimes(1);
      jest.advanceTimersByTime(1_000);
      await writer.settled();
      expect(updates).toHaveBeenCalledTimes(2);
      expect(stored().percentComplete).toBe(80);
    });

    it('writes at once a report that comes after the interval has passed', async () => {
      const { operations, writer, stored } = setUp(1_000, fakeNow);
      const updates = writesOf(operations);
      jest.advanceTimersByTime(1_500);
      writer.report(30);
      await writer.settled();
      expect(updates).toHaveBeenCalledTimes(1);
      expect(stored().percentComplete).toBe(30);
    });
  });
});
