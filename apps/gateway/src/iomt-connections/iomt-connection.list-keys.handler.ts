import { Inject, Injectable } from '@nestjs/common';
import { KEY_MANAGER, KeyManager } from '@iomt/domain';
import { ok, type ArmResponse } from '../arm/arm-response';
import { IomtConnectionKeyTargets } from './iomt-connection.keys';
import type { IomtConnectionParams } from './iomt-connection.params';

/**
 * `POST .../connections/{name}/listKeys`: the policy's keys and connection strings, read from Azure
 * now (KeyManager) and handed to the caller only: never stored, never logged (invariant 5).
 */
@Injectable()
export class IomtConnectionListKeysHandler {
  constructor(
    private readonly targets: IomtConnectionKeyTargets,
    @Inject(KEY_MANAGER) private readonly keys: KeyManager,
  ) {}

  async handle(params: IomtConnectionParams): Promise<ArmResponse> {
    const target = await this.targets.targetOf(params);
    return ok(await this.keys.listKeys(target, { signal: AbortSignal.timeout(30_000) }));
  }
}
