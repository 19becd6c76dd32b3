import { Module } from '@nestjs/common';
import { GatewayCoreModule } from '../gateway-core.module';
import { CheckNameAvailabilityHandler } from '../name-availability/check-name-availability.handler';
import { ProviderActionsController } from './provider-actions.controller';
import { ValidateMedtechMappingsHandler } from '../medtech-mappings/validate-medtech-mappings.handler';

/** checkNameAvailability and validateMedtechMappings. */
@Module({
  imports: [GatewayCoreModule],
  controllers: [ProviderActionsController],
  providers: [CheckNameAvailabilityHandler, ValidateMedtechMappingsHandler],
})
export class ProviderActionsModule {}
