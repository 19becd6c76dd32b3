import { Controller, UseFilters } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Subject } from '@iomt/contracts';
import { ServiceBusExceptionFilter } from '@iomt/messaging';
import { DeprovisionFhirServiceUseCase } from './deprovision-fhir-service.use-case';
import { runCommand } from '@iomt/service-kit';

/** Answers `DeprovisionFhirService` commands on the fhir-commands queue. */
@Controller()
@UseFilters(ServiceBusExceptionFilter)
export class DeprovisionFhirServiceHandler {
  constructor(private readonly useCase: DeprovisionFhirServiceUseCase) {}

  @MessagePattern(Subject.DeprovisionFhirService)
  handle(@Payload() body: unknown) {
    return runCommand(Subject.DeprovisionFhirService, body, (command) => this.useCase.execute(command));
  }
}
