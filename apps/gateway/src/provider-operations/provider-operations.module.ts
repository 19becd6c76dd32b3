import { Module } from '@nestjs/common';
import { GatewayCoreModule } from '../gateway-core.module';
import { ProviderOperationsController } from './provider-operations.controller';

/** The provider's operations list. */
@Module({ imports: [GatewayCoreModule], controllers: [ProviderOperationsController] })
export class ProviderOperationsModule {}
