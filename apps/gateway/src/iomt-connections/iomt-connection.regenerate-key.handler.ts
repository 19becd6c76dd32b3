import { Inject, Injectable } from '@nestjs/common';
import { z } from 'zod';
import { caseInsensitiveEnum, KEY_MANAGER, KeyManager } from '@iomt/domain';
import type { ArmRequest } from '../arm/arm-request';
import { ok, type ArmResponse } from '../arm/arm-response';
import { parseRequestBody } from '../arm/request-body';
import { IomtConnectionKeyTargets } from './iomt-connection.keys';
import type { IomtConnectionParams } from './iomt-connection.params';

const regenerateKeyBodySchema = z.strictObject({ keyType: caseInsensitiveEnum(['Primary', 'Secondary']) });

/**
 * `POST .../connections/{name}/regenerateKey` with `{"keyType": "Primary"|"Secondary"}`: regenerates
 * that key in Azure and answers both keys, as listKeys does (never stored).
 */
@Injectable()
export class IomtConnectionRegenerateKeyHandler {
  constructor(
    private readonly targets: IomtConnectionKeyTargets,
    @Inject(KEY_MANAGER) private readonly keys: KeyManager,
  ) {}

  async handle(params: IomtConnectionParams, arm: ArmRequest): Promise<ArmResponse> {
    const { keyType } = parseRequestBody(regenerateKeyBodySchema, arm.body);
    const target = await this.targets.targetOf(params);
    const slot = keyType === 'Primary' ? 'primary' : 'secondary';
    return ok(await this.keys.regenerateKey(target, slot, { signal: AbortSignal.timeout(30_000) }));
  }
}
