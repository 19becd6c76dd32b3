export { startFakeArm, type FakeArm, type FakeArmOptions } from './fake-arm-server';
export {
  fakeArmClientOptions,
  configureClientForFakeArm,
  fakeArmCredential,
  type FakeArmClientOptions,
} from './client-options';
export { NO_FAULTS, seededRandom, type FakeArmFaults } from './faults';
export type { CallRecord, CallsView } from './call-log';
export type { FakeArmSnapshot, DeploymentSnapshot } from './inspection';
export type { ResourceView } from './resource-view';
export type { ArmErrorBody, ArmErrorDetail } from './arm-error';
