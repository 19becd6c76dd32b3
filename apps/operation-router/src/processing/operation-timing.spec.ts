import { OperationTiming } from './operation-timing';

describe('OperationTiming', () => {
  it('counts the time of worker requests apart from the rest and describes both', async () => {
    let clock = 1_000;
    jest.spyOn(performance, 'now').mockImplementation(() => clock);
    const fresh = new OperationTiming();
    await fresh.waitForWorker(async () => {
      clock += 40;
    });
    clock += 10;
    expect(fresh.describe()).toBe('in 50.0 ms (worker round trip 40.0 ms, router 10.0 ms)');
    jest.restoreAllMocks();
  });

  it('counts a failed worker request too and passes its error on', async () => {
    let clock = 0;
    jest.spyOn(performance, 'now').mockImplementation(() => clock);
    const timing = new OperationTiming();
    const failing = timing.waitForWorker(async () => {
      clock += 25;
      throw new Error('worker said no');
    });
    await expect(failing).rejects.toThrow('worker said no');
    expect(timing.describe()).toBe('in 25.0 ms (worker round trip 25.0 ms, router 0.0 ms)');
    jest.restoreAllMocks();
  });
});
