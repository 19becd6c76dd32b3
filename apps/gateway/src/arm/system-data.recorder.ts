import { Inject, Injectable, Logger } from '@nestjs/common';
import { resourceIdKey } from '@iomt/domain';
import { SYSTEM_DATA_REPOSITORY, SystemDataRepository } from '../ports/system-data.repository.port';
import { ArmSystemData, mergeSystemData } from './system-data';

/** Which incarnation of a resource: its document id (a re-created resource gets a new one), or its connector's for a mapping or connection. */
export interface SystemDataSubject {
  readonly subscriptionId: string;
  readonly resourceId: string;
  readonly instanceId: string;
}

/**
 * Keeps ARM's `systemData` per resource incarnation: recorded when a write is accepted (never on a
 * refused one), returned on reads. Keyed by the resource id and the incarnation's document id, so a
 * resource deleted and created again starts afresh without a delete. Losing it is not worth failing
 * an accepted request for, so write failures are logged (without the data: it is customer data).
 */
@Injectable()
export class SystemDataRecorder {
  private readonly logger = new Logger(SystemDataRecorder.name);

  constructor(@Inject(SYSTEM_DATA_REPOSITORY) private readonly repository: SystemDataRepository) {}

  async read(subject: SystemDataSubject): Promise<ArmSystemData | undefined> {
    return this.repository.get(subject.subscriptionId, keyOf(subject));
  }

  /**
   * Records `incoming` (ARM's header of an accepted write). A `fresh` incarnation (just created) has
   * nothing stored: no read. Otherwise the stored creation fields are kept. `replace` starts afresh
   * where the incarnation id cannot tell (a connection deleted and created again under one connector).
   */
  async record(
    subject: SystemDataSubject,
    incoming: ArmSystemData | undefined,
    options: { readonly fresh?: boolean; readonly replace?: boolean } = {},
  ): Promise<ArmSystemData | undefined> {
    const key = keyOf(subject);
    try {
      if (options.replace === true && incoming === undefined) await this.repository.delete(subject.subscriptionId, key);
      if (incoming === undefined) return options.fresh === true || options.replace === true ? undefined : await this.repository.get(subject.subscriptionId, key);
      const stored = options.fresh === true || options.replace === true ? undefined : await this.repository.get(subject.subscriptionId, key);
      const merged = mergeSystemData(stored, incoming);
      await this.repository.put(subject.subscriptionId, key, merged);
      return merged;
    } catch (error) {
      this.logger.warn({ resourceId: subject.resourceId, err: error }, 'systemData of an accepted write could not be stored');
      return incoming;
    }
  }
}

function keyOf(subject: SystemDataSubject): string {
  return `${resourceIdKey(subject.resourceId)}|${subject.instanceId}`;
}
