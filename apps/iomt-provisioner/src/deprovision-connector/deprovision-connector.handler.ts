import { Controller, UseFilters } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Subject } from '@iomt/contracts';
import { ServiceBusExceptionFilter } from '@iomt/messaging';
import { DeprovisionConnectorUseCase } from './deprovision-connector.use-case';
import { runCommand } from '@iomt/service-kit';

/** Answers `DeprovisionIomtConnector` commands on the iomt-commands queue. */
@Controller()
@UseFilters(ServiceBusExceptionFilter)
export class DeprovisionConnectorHandler {
  constructor(private readonly useCase: DeprovisionConnectorUseCase) {}

  @MessagePattern(Subject.DeprovisionIomtConnector)
  handle(@Payload() body: unknown) {
    return runCommand(Subject.DeprovisionIomtConnector, body, (command) => this.useCase.execute(command));
  }
}
