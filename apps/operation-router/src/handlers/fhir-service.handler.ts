import { Injectable } from '@nestjs/common';
import { Subject, type CommandSubject } from '@iomt/contracts';
import { OperationType, ResourceTypeName, type OperationDocument, type OperationHandler, type OperationHandlerContext } from '@iomt/domain';
import { OperationTargetResolver } from './operation-target.resolver';
import { routerCommand, type RouterCommand } from './router-command';

const SUBJECTS: Partial<Record<OperationType, CommandSubject>> = {
  [OperationType.Provision]: Subject.ProvisionFhirService,
  [OperationType.Patch]: Subject.PatchFhirService,
  [OperationType.Deprovision]: Subject.DeprovisionFhirService,
};

/** FHIR service operations (the seed's original ProvisioningOrchestrator switch) → `fhir-commands`. */
@Injectable()
export class FhirServiceHandler implements OperationHandler {
  readonly name = 'FhirService';

  constructor(private readonly targets: OperationTargetResolver) {}

  async handle(operation: OperationDocument, context: OperationHandlerContext = {}): Promise<RouterCommand | null> {
    if (operation.resourceTypeName !== ResourceTypeName.FhirService) return null;
    const subject = SUBJECTS[operation.provisioningOperation];
    return subject === undefined ? null : routerCommand(operation, subject, await this.targets.fhirServiceId(operation, context.resource));
  }
}
