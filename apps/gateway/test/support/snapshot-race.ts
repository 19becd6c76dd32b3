import { ADMISSION_SNAPSHOTS, AdmissionSnapshots } from '../../src/ports/admission-snapshot.port';
import type { GatewayUnderTest } from './gateway-under-test';

/**
 * Holds every admission snapshot read until `count` of them have been read, so that the racing
 * requests all decide from the same state (nothing created yet) before any of them writes: the race
 * the name claim must settle, made certain instead of likely. Undone by the returned function.
 */
export function releaseSnapshotsTogether(gateway: GatewayUnderTest, count: number): () => void {
  const snapshots = gateway.app.get<AdmissionSnapshots>(ADMISSION_SNAPSHOTS);
  const read = snapshots.read.bind(snapshots);
  let arrived = 0;
  let releaseAll!: () => void;
  const together = new Promise<void>((resolve) => (releaseAll = resolve));
  snapshots.read = async (...args) => {
    const snapshot = await read(...args);
    arrived += 1;
    if (arrived === count) releaseAll();
    await together;
    return snapshot;
  };
  return () => {
    snapshots.read = read;
  };
}
