import { Get } from '@nestjs/common';
import { HealthcareProviderEndpoint } from '@iomt/domain';
import { ArmPath } from '../arm/arm-paths';
import { ok, type ArmResponse } from '../arm/arm-response';
import { ArmController, ArmResourceType } from '../arm/arm-route.decorators';
import { PROVIDER_OPERATIONS } from './provider-operations.catalog';

/** `GET /providers/Microsoft.HealthcareApis/operations`: tenant-wide, one page. */
@ArmController()
export class ProviderOperationsController {
  @Get(ArmPath.Operations)
  @ArmResourceType(HealthcareProviderEndpoint.Operations)
  list(): ArmResponse {
    return ok({ value: PROVIDER_OPERATIONS });
  }
}
