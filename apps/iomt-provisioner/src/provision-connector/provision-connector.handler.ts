import { Controller, Inject, UseFilters } from '@nestjs/common';
import { Ctx, MessagePattern, Payload } from '@nestjs/microservices';
import { Subject } from '@iomt/contracts';
import { ReplyProgressSender, ServiceBusContext, ServiceBusExceptionFilter } from '@iomt/messaging';
import { runCommand } from '@iomt/service-kit';
import { IOMT_COMMANDS_PROGRESS } from '../commands-consumer';
import { ProvisionConnectorUseCase } from './provision-connector.use-case';

/** Answers `ProvisionIomtConnector` commands on the iomt-commands queue, reporting the deployment's progress. */
@Controller()
@UseFilters(ServiceBusExceptionFilter)
export class ProvisionConnectorHandler {
  constructor(
    private readonly useCase: ProvisionConnectorUseCase,
    @Inject(IOMT_COMMANDS_PROGRESS) private readonly progress: ReplyProgressSender,
  ) {}

  @MessagePattern(Subject.ProvisionIomtConnector)
  handle(@Payload() body: unknown, @Ctx() context: ServiceBusContext) {
    const progress = this.progress.forCommand(context.getMessage());
    const report = (percent: number) => progress.report(percent);
    // Ended before the reply goes out: a held report is dropped, none follows the reply.
    return runCommand(Subject.ProvisionIomtConnector, body, (command) => this.useCase.execute(command, report)).finally(() => progress.end());
  }
}
