import { Controller, UseFilters } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Subject } from '@iomt/contracts';
import { ServiceBusExceptionFilter } from '@iomt/messaging';
import { runCommand } from '../shared/run-command';
import { PutMappingUseCase } from './put-mapping.use-case';

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
