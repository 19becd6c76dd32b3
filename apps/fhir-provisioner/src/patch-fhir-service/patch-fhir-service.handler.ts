import { Controller, Inject, UseFilters } from '@nestjs/common';
import { Ctx, MessagePattern, Payload } from '@nestjs/microservices';
import { Subject } from '@iomt/contracts';
import { ReplyProgressSender, ServiceBusContext, ServiceBusExceptionFilter } from '@iomt/messaging';
import { FHIR_COMMANDS_PROGRESS } from '../commands-consumer';
import { PatchFhirServiceUseCase } from './patch-fhir-service.use-case';
import { runCommand } from '@iomt/service-kit';

/** Answers `PatchFhirService` commands on the fhir-commands queue. */
@Controller()
@UseFilters(ServiceBusExceptionFilter)
export class PatchFhirServiceHandler {
  constructor(
    private readonly useCase: PatchFhirServiceUseCase,
    @Inject(FHIR_COMMANDS_PROGRESS) private readonly progress: ReplyProgressSender,
  ) {}

  @MessagePattern(Subject.PatchFhirService)
  handle(@Payload() body: unknown, @Ctx() context: ServiceBusContext) {
    const progress = this.progress.forCommand(context.getMessage());
    const report = (percent: number) => progress.report(percent);
    // Ended before the reply goes out: a held report is dropped, none follows the reply.
    return runCommand(Subject.PatchFhirService, body, (command) => this.useCase.execute(command, report)).finally(() => progress.end());
  }
}
