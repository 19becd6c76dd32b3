import { Controller, UseFilters } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Subject } from '@iomt/contracts';
import { ServiceBusExceptionFilter } from '@iomt/messaging';
import { runCommand } from '../shared/run-command';
import { PatchFhirServiceUseCase } from './patch-fhir-service.use-case';

/** Answers `PatchFhirService` commands on the fhir-commands queue. */
@Controller()
@UseFilters(ServiceBusExceptionFilter)
export class PatchFhirServiceHandler {
  constructor(private readonly useCase: PatchFhirServiceUseCase) {}

  @MessagePattern(Subject.PatchFhirService)
  handle(@Payload() body: unknown) {
    return runCommand(Subject.PatchFhirService, body, (command) => this.useCase.execute(command));
  }
}
