import { Param, Post } from '@nestjs/common';
import { HealthcareProviderEndpoint, HealthcareResourceType } from '@iomt/domain';
import { ArmPath } from '../arm/arm-paths';
import { Arm, type ArmRequest } from '../arm/arm-request';
import type { ArmResponse } from '../arm/arm-response';
import { ArmController, ArmResourceType } from '../arm/arm-route.decorators';
import { CheckNameAvailabilityHandler } from '../name-availability/check-name-availability.handler';
import { ValidateMedtechMappingsHandler } from '../medtech-mappings/validate-medtech-mappings.handler';

/** Subscription-level actions of the provider: checkNameAvailability and validateMedtechMappings. */
@ArmController()
export class ProviderActionsController {
  constructor(
    private readonly checkName: CheckNameAvailabilityHandler,
    private readonly validateMappings: ValidateMedtechMappingsHandler,
  ) {}

  @Post(ArmPath.CheckNameAvailability)
  @ArmResourceType(HealthcareProviderEndpoint.CheckNameAvailability)
  checkNameAvailability(@Param('subscriptionId') subscriptionId: string, @Arm() arm: ArmRequest): Promise<ArmResponse> {
    return this.checkName.handle(subscriptionId, arm);
  }

  /** Versions of `services`: the domain's table has no row of its own for this newer action. */
  @Post(ArmPath.ValidateMedtechMappings)
  @ArmResourceType(HealthcareResourceType.FhirService)
  validateMedtechMappings(@Param('subscriptionId') subscriptionId: string, @Arm() arm: ArmRequest): ArmResponse {
    return this.validateMappings.handle(subscriptionId, arm);
  }
}
