import { Controller, UseFilters } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Subject } from '@iomt/contracts';
import { ServiceBusExceptionFilter } from '@iomt/messaging';
import { DeleteConnectionUseCase } from './delete-connection.use-case';
import { runCommand } from '@iomt/service-kit';

/** Answers `DeleteIomtConnection` commands on the iomt-commands queue. */
@Controller()
@UseFilters(ServiceBusExceptionFilter)
export class DeleteConnectionHandler {
  constructor(private readonly useCase: DeleteConnectionUseCase) {}

  @MessagePattern(Subject.DeleteIomtConnection)
  handle(@Payload() body: unknown) {
    return runCommand(Subject.DeleteIomtConnection, body, (command) => this.useCase.execute(command));
  }
}
