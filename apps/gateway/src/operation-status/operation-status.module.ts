import { DynamicModule, Module, Type } from '@nestjs/common';
import { GatewayCoreModule } from '../gateway-core.module';
import { OperationLookup } from './operation-lookup';
import { OPERATION_RESULT_RENDERERS, OperationResultRenderer } from './operation-result.renderer';
import { OperationResultGetHandler } from './operation-result.get.handler';
import { AdminOperationStatusController } from './admin-operation-status.controller';
import { OperationStatusController } from './operation-status.controller';
import { OperationStatusGetHandler } from './operation-status.get.handler';

/** What renders operation results: the modules that export them and their classes. */
export interface OperationStatusModuleOptions {
  readonly imports: Type[];
  readonly renderers: Type<OperationResultRenderer>[];
}

/** The operation status and result URLs. */
@Module({})
export class OperationStatusModule {
  static forRoot(options: OperationStatusModuleOptions): DynamicModule {
    return {
      module: OperationStatusModule,
      imports: [GatewayCoreModule, ...options.imports],
      controllers: [OperationStatusController, AdminOperationStatusController],
      providers: [
        OperationLookup,
        OperationStatusGetHandler,
        OperationResultGetHandler,
        {
          provide: OPERATION_RESULT_RENDERERS,
          useFactory: (...renderers: OperationResultRenderer[]) => renderers,
          inject: options.renderers,
        },
      ],
    };
  }
}
