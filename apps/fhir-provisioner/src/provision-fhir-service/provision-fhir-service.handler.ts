import { Controller, UseFilters } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Subject } from '@iomt/contracts';
import { ServiceBusExceptionFilter } from '@iomt/messaging';
import { runCommand } from '../shared/run-command';
import { ProvisionFhirServiceUseCase } from './provision-fhir-service.use-case';

/** Answers `ProvisionFhirService` commands on the fhir-commands queue. */
@Controller()
@UseFilters(ServiceBusExceptionFilter)
export class ProvisionFhirServiceHandler {
  constructor(private readonly useCase: ProvisionFhirServiceUseCase) {}

  @MessagePattern(Subject.ProvisionFhirService)
  handle(@Payload() body: unknown) {
    return runCommand(Subject.ProvisionFhirService, body, (command) => this.useCase.execute(command));
  }
}
