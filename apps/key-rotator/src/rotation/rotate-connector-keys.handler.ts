import { Controller, UseFilters } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { type RotateConnectorKeysResult, Subject } from '@iomt/contracts';
import { ServiceBusExceptionFilter } from '@iomt/messaging';
import { RotateConnectorKeysUseCase } from './rotate-connector-keys.use-case';
import { runCommand } from '@iomt/service-kit';

/** Answers `connector-keys.rotate` commands on the key-rotation-commands queue. */
@Controller()
@UseFilters(ServiceBusExceptionFilter)
export class RotateConnectorKeysHandler {
  constructor(private readonly useCase: RotateConnectorKeysUseCase) {}

  @MessagePattern(Subject.RotateConnectorKeys)
  handle(@Payload() body: unknown): Promise<RotateConnectorKeysResult> {
    return runCommand(Subject.RotateConnectorKeys, body, (command) => this.useCase.execute(command));
  }
}
