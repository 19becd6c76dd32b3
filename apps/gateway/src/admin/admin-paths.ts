import { ArmPath } from '../arm/arm-paths';

/** Where the operators' admin API lives: a prefix ARM never forwards, so ARM's callers cannot reach it. */
export const ADMIN_PATH_PREFIX = '/admin';

const admin = (path: string) => `${ADMIN_PATH_PREFIX.slice(1)}/${path}`;

/** Route paths of the admin API (the ARM paths of what they act on, under the admin prefix). */
export const AdminPath = {
  ConnectorRotateKeys: admin(`${ArmPath.Connector}/rotateKeys`),
  OperationStatus: admin(ArmPath.OperationStatus),
  OperationResult: admin(ArmPath.OperationResult),
} as const;
