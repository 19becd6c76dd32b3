import { Inject, Injectable, Logger } from '@nestjs/common';
import { resourceIdKey } from '@iomt/domain';
import { SYSTEM_DATA_REPOSITORY, SystemDataRepository } from '../ports/system-data.repository.port';
import { ArmSystemData, mergeSystemData } from './system-data';

/**
 * Keeps ARM's `systemData` per resource: recorded when a write is accepted (never on a refused
 * one), returned on reads. Losing it is not worth failing an accepted request for, so write
 * failures are logged (without the data: it is customer data).
 */
@Injectable()
export class SystemDataRecorder {
  private readonly logger = new Logger(SystemDataRecorder.name);

  constructor(@Inject(SYSTEM_DATA_REPOSITORY) private readonly repository: SystemDataRepository) {}

  async read(subscriptionId: string, resourceId: string): Promise<ArmSystemData | undefined> {
    return this.repository.get(subscriptionId, resourceIdKey(resourceId));
  }

  /**
   * Records `incoming` (ARM's header of an accepted write), keeping the stored creation fields
   * unless the write created the resource (`replace`): a re-created resource starts afresh.
   */
  async record(
    subscriptionId: string,
    resourceId: string,
    incoming: ArmSystemData | undefined,
    options: { readonly replace?: boolean } = {},
  ): Promise<ArmSystemData | undefined> {
    const key = resourceIdKey(resourceId);
    try {
      if (options.replace === true && incoming === undefined) {
        await this.repository.delete(subscriptionId, key);
        return undefined;
      }
      const stored = options.replace === true ? undefined : await this.repository.get(subscriptionId, key);
      if (incoming === undefined) return stored;
      const merged = mergeSystemData(stored, incoming);
      await this.repository.put(subscriptionId, key, merged);
      return merged;
    } catch (error) {
      this.logger.warn({ resourceId, err: error }, 'systemData of an accepted write could not be stored');
      return incoming;
    }
  }
}
