import { Controller, UseFilters } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Subject } from '@iomt/contracts';
import { ServiceBusExceptionFilter } from '@iomt/messaging';
import { PutMappingUseCase } from './put-mapping.use-case';
import { runCommand } from '@iomt/service-kit';

/** Answers `PutIomtMapping` commands on the iomt-commands queue. */
@Controller()
@UseFilters(ServiceBusExceptionFilter)
export class PutMappingHandler {
  constructor(private readonly useCase: PutMappingUseCase) {}

  @MessagePattern(Subject.PutIomtMapping)
  handle(@Payload() body: unknown) {
    return runCommand(Subject.PutIomtMapping, body, (command) => this.useCase.execute(command));
  }
}
