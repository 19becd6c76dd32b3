import { ResourceState as R } from '../resources/resource-state';
import { OperationStatus as S, OperationType as T } from './operation-enums';
import { applyOperationToResource, operationResultStatusOf, resourceStateFor } from './resource-state-transitions';

describe('resourceStateFor', () => {
  it.each<[T, S, R]>([
    [T.Provision, S.Requested, R.Accepted],
    [T.Provision, S.Running, R.Provisioning],
    [T.Provision, S.Completed, R.Provisioned],
    [T.Provision, S.Failed, R.Failed],
    [T.Provision, S.Canceled, R.Canceled],
    [T.Deprovision, S.Requested, R.Deprovisioning],
    [T.Deprovision, S.Running, R.Deprovisioning],
    [T.Deprovision, S.Completed, R.Deprovisioned],
    [T.Deprovision, S.Failed, R.Failed],
    [T.Deprovision, S.Canceled, R.Canceled],
    [T.Patch, S.Requested, R.Updating],
    [T.Patch, S.Running, R.Updating],
    [T.Patch, S.Completed, R.Provisioned],
    [T.Patch, S.Failed, R.Failed],
    [T.Patch, S.Canceled, R.Canceled],
  ])('%s in %s puts the resource in %s', (type, status, state) => {
    expect(resourceStateFor(type, status)).toBe(state);
  });

  it.each([T.RotateKeys, T.UpdateMapping, T.CreateConnection, T.DeleteConnection])(
    'operation type %s never changes the resource state',
    (type) => {
      for (const status of [S.Requested, S.Running, S.Completed, S.Failed, S.Canceled]) {
        expect(resourceStateFor(type, status)).toBeUndefined();
      }
    },
  );
});

describe('applyOperationToResource', () => {
  const resource = { name: 'c1', state: R.Accepted };

  it('moves the resource to the state its operation implies', () => {
    const op = { provisioningOperation: T.Provision, provisioningStatus: S.Running };
    expect(applyOperationToResource(resource, op)).toEqual({ name: 'c1', state: R.Provisioning });
  });

  it('returns the same object when nothing changes', () => {
    const rotation = { provisioningOperation: T.RotateKeys, provisioningStatus: S.Failed };
    const queued = { provisioningOperation: T.Provision, provisioningStatus: S.Requested };
    expect(applyOperationToResource(resource, rotation)).toBe(resource);
    expect(applyOperationToResource(resource, queued)).toBe(resource);
  });
});

describe('operationResultStatusOf', () => {
  it.each([
    [S.Requested, 'Requested'],
    [S.Running, 'Running'],
    [S.Completed, 'Succeeded'],
    [S.Failed, 'Failed'],
    [S.Canceled, 'Canceled'],
  ])('%s reads %s', (status, result) => {
    expect(operationResultStatusOf(status)).toBe(result);
  });
});
