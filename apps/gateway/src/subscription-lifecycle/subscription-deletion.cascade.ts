import { Inject, Injectable, Logger } from '@nestjs/common';
import { FhirServiceAccount, isDomainError, PagedResult, ResourceState } from '@iomt/domain';
import { asSystemRequest } from '../admission/operation-context';
import { OperationAdmission } from '../admission/operation-admission.service';
import type { ArmRequest } from '../arm/arm-request';
import { deprovisionUnderway, FhirServiceDeprovisioner } from '../fhir-services/fhir-service.deprovisioner';
import { FHIR_SERVICE_QUERIES, FhirServiceQueries } from '../ports/fhir-service-queries.port';

/** How far a cascade got. */
export interface CascadeOutcome {
  /** Services now deprovisioning (just started or already under way). */
  readonly deprovisioning: number;
  /** Services that were busy with another operation; ARM re-sends the notification later. */
  readonly deferred: number;
}

/**
 * A deleted subscription removes everything (arm-rpc.md §1.9: no per-resource DELETE arrives):
 * each live FHIR service gets a Deprovision operation through the normal path, outside the queue
 * limit. Services busy with another operation are left for ARM's next notification.
 */
@Injectable()
export class SubscriptionDeletionCascade {
  private readonly logger = new Logger(SubscriptionDeletionCascade.name);

  constructor(
    @Inject(FHIR_SERVICE_QUERIES) private readonly queries: FhirServiceQueries,
    private readonly admission: OperationAdmission,
    private readonly deprovisioner: FhirServiceDeprovisioner,
  ) {}

  async run(subscriptionId: string, arm: ArmRequest): Promise<CascadeOutcome> {
    const [accounts, pending] = await Promise.all([this.allAccounts(subscriptionId), this.admission.pendingOperations(subscriptionId)]);
    let deprovisioning = 0;
    let deferred = 0;
    for (const account of accounts) {
      if (account.state === ResourceState.Deprovisioned) continue;
      if (deprovisionUnderway(pending, account.id) !== undefined) {
        deprovisioning += 1;
        continue;
      }
      try {
        // ARM's notification, not a customer's request, asks for these: they record no initiator.
        await this.deprovisioner.deprovision(account, pending, asSystemRequest(arm), { ignoreQueueLimit: true });
        deprovisioning += 1;
      } catch (error) {
        if (!isDomainError(error) || error.kind !== 'conflict') throw error;
        this.logger.log({ accountId: account.id }, 'FHIR service busy; its deletion waits for the next notification');
        deferred += 1;
      }
    }
    return { deprovisioning, deferred };
  }

  private async allAccounts(subscriptionId: string): Promise<FhirServiceAccount[]> {
    const accounts: FhirServiceAccount[] = [];
    let page: PagedResult<FhirServiceAccount> | undefined;
    do {
      page = await this.queries.listFhirServices(subscriptionId, {}, { continuationToken: page?.continuationToken, pageSize: 100 });
      accounts.push(...page.items);
    } while (page.continuationToken !== undefined);
    return accounts;
  }
}
