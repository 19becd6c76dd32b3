import { Controller, UseFilters } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Subject } from '@iomt/contracts';
import { ServiceBusExceptionFilter } from '@iomt/messaging';
import { CreateConnectionUseCase } from './create-connection.use-case';
import { runCommand } from '@iomt/service-kit';

/** Answers `CreateIomtConnection` commands on the iomt-commands queue. */
@Controller()
@UseFilters(ServiceBusExceptionFilter)
export class CreateConnectionHandler {
  constructor(private readonly useCase: CreateConnectionUseCase) {}

  @MessagePattern(Subject.CreateIomtConnection)
  handle(@Payload() body: unknown) {
    return runCommand(Subject.CreateIomtConnection, body, (command) => this.useCase.execute(command));
  }
}
