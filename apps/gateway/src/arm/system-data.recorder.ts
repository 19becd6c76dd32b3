import { Inject, Injectable, Logger } from '@nestjs/common';
import { resourceIdKey } from '@iomt/domain';
import type { SystemDataWrite } from '../ports/admission-store.port';
import { SYSTEM_DATA_REPOSITORY, SystemDataRepository } from '../ports/system-data.repository.port';
import { ArmSystemData, mergeSystemData } from './system-data';

/** Which incarnation of a resource: its document id (a re-created resource gets a new one), or its connector's for a mapping or connection. */
export interface SystemDataSubject {
  readonly subscriptionId: string;
  readonly resourceId: string;
  readonly instanceId: string;
}

/** What a write asks to record: ARM's header of the request, and whether the incarnation is new. */
export interface SystemDataRequest {
  readonly subject: SystemDataSubject;
  readonly incoming: ArmSystemData | undefined;
  /** A just created incarnation: nothing is stored for it, so nothing is read. */
  readonly fresh?: boolean;
  /** Start afresh where the incarnation id cannot tell (a connection deleted and created again under one connector). */
  readonly replace?: boolean;
}

/** The systemData a write answers with, the document write that records it, and whether a stale one must be forgotten. */
export interface PreparedSystemData {
  readonly systemData: ArmSystemData | undefined;
  readonly write?: SystemDataWrite;
  readonly forget: boolean;
}

/**
 * Keeps ARM's `systemData` per resource incarnation: recorded when a write is accepted (never on a
 * refused one), returned on reads. Keyed by the resource id and the incarnation's document id, so a
 * resource deleted and created again starts afresh without a delete. The write is prepared here and
 * stored in the admission's batch (one round trip, and only if the write is accepted). Losing it is
 * not worth failing an accepted request for, so read failures are logged (without the data: it is
 * customer data).
 */
@Injectable()
export class SystemDataRecorder {
  private readonly logger = new Logger(SystemDataRecorder.name);

  constructor(@Inject(SYSTEM_DATA_REPOSITORY) private readonly repository: SystemDataRepository) {}

  async read(subject: SystemDataSubject): Promise<ArmSystemData | undefined> {
    return this.repository.get(subject.subscriptionId, keyOf(subject));
  }

  /**
   * What to record for `request`: ARM's values, with the stored creation fields of an existing
   * incarnation (read first). Without a header nothing is written; a `replace` then forgets the old data.
   */
  async prepare(request: SystemDataRequest): Promise<PreparedSystemData> {
    const { subject, incoming } = request;
    const afresh = request.fresh === true || request.replace === true;
    const stored = afresh ? undefined : await this.storedOrNothing(subject);
    if (incoming === undefined) return { systemData: stored, forget: request.replace === true };
    const systemData = mergeSystemData(stored, incoming);
    return { systemData, write: { subscriptionId: subject.subscriptionId, resourceKey: keyOf(subject), systemData }, forget: false };
  }

  /** Forgets the systemData of an incarnation replaced by a write without ARM's header. */
  async forget(subject: SystemDataSubject): Promise<void> {
    try {
      await this.repository.delete(subject.subscriptionId, keyOf(subject));
    } catch (error) {
      this.logger.warn({ resourceId: subject.resourceId, err: error }, 'stale systemData of a replaced resource could not be forgotten');
    }
  }

  private async storedOrNothing(subject: SystemDataSubject): Promise<ArmSystemData | undefined> {
    try {
      return await this.read(subject);
    } catch (error) {
      this.logger.warn({ resourceId: subject.resourceId, err: error }, 'stored systemData could not be read; the write keeps ARM\'s values only');
      return undefined;
    }
  }
}

function keyOf(subject: SystemDataSubject): string {
  return `${resourceIdKey(subject.resourceId)}|${subject.instanceId}`;
}
