import { RotationScheduleService } from './rotation-schedule.service';
import type { RotationSweep, RotationSweepSummary } from './rotation-sweep';

const SUMMARY: RotationSweepSummary = { enqueued: 1, pending: 0, skipped: 0, failed: 0 };

function serviceWith(run: () => Promise<RotationSweepSummary>, settings = { enabled: true, pattern: '0 3 * * *' }) {
  return new RotationScheduleService({ run } as unknown as RotationSweep, settings);
}

describe('RotationScheduleService', () => {
  it('schedules the sweep on its pattern in UTC from bootstrap, and stops on shutdown', async () => {
    const service = serviceWith(() => Promise.resolve(SUMMARY));
    service.onApplicationBootstrap();

    const next = service.nextRun();
    expect(next?.getUTCHours()).toBe(3);
    expect(next?.getUTCMinutes()).toBe(0);
    expect(next!.getTime()).toBeGreaterThan(Date.now());

    await service.onModuleDestroy();
    expect(service.nextRun()).toBeUndefined();
  });

  it('schedules nothing when disabled', async () => {
    const run = jest.fn(() => Promise.resolve(SUMMARY));
    const service = serviceWith(run, { enabled: false, pattern: '* * * * * *' });
    service.onApplicationBootstrap();

    expect(service.nextRun()).toBeUndefined();
    await service.onModuleDestroy();
    expect(run).not.toHaveBeenCalled();
  });

  it('runs a sweep per tick and swallows (logs) its failure, so the schedule keeps going', async () => {
    const run = jest.fn().mockRejectedValueOnce(new Error('Cosmos is down')).mockResolvedValueOnce(SUMMARY);
    const service = serviceWith(run);

    await expect(service.tick()).resolves.toBeUndefined();
    await expect(service.tick()).resolves.toBeUndefined();
    expect(run).toHaveBeenCalledTimes(2);
  });

  it('waits for a sweep in flight when the application stops', async () => {
    let finish: (summary: RotationSweepSummary) => void = () => undefined;
    const service = serviceWith(() => new Promise((resolve) => (finish = resolve)));
    service.onApplicationBootstrap();
    const tick = service.tick();
    let stopped = false;
    const stopping = service.onModuleDestroy().then(() => (stopped = true));

    await Promise.resolve();
    expect(stopped).toBe(false);
    finish(SUMMARY);
    await Promise.all([tick, stopping]);
    expect(stopped).toBe(true);
  });
});
