import { Controller, UseFilters } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Subject } from '@iomt/contracts';
import { ServiceBusExceptionFilter } from '@iomt/messaging';
import { ProvisionConnectorUseCase } from './provision-connector.use-case';
import { runCommand } from '@iomt/service-kit';

/** Answers `ProvisionIomtConnector` commands on the iomt-commands queue. */
@Controller()
@UseFilters(ServiceBusExceptionFilter)
export class ProvisionConnectorHandler {
  constructor(private readonly useCase: ProvisionConnectorUseCase) {}

  @MessagePattern(Subject.ProvisionIomtConnector)
  handle(@Payload() body: unknown) {
    return runCommand(Subject.ProvisionIomtConnector, body, (command) => this.useCase.execute(command));
  }
}
