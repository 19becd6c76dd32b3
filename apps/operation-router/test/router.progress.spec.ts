import { OperationStatus, type OperationDocument } from '@iomt/domain';
import { useRouterWorld } from './support/router.fixture';
import * as seed from './support/seed';
import { waitFor } from '@iomt/local-stack/testing';

jest.setTimeout(60_000);

const world = useRouterWorld();

describe('operation-router progress on the real Service Bus emulator and Cosmos server', () => {
  beforeAll(async () => {
    await world.startRouter();
  });

  it("writes the worker's progress to the operation while the worker still runs, then 100 % with Completed", async () => {
    const operation = await seed.newConnectorProvision(world);
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    world.worker.plan(operation.id, { gate, progress: [30, 70] });
    await seed.publish(world, operation);

    const during = await waitFor(
      () => world.read(operation),
      (stored) => stored?.percentComplete === 70,
      'the progress the worker reported',
    );
    expect(during).toMatchObject({ provisioningStatus: OperationStatus.Running, percentComplete: 70 });
    expect(world.worker.recordsOf(operation.id)[0]?.end).toBeUndefined();

    release();
    const done: OperationDocument = await seed.ended(world, operation);
    expect(done).toMatchObject({ provisioningStatus: OperationStatus.Completed, percentComplete: 100, attemptCount: 1 });
  });
});
