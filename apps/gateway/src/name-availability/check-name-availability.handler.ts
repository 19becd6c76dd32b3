import { Inject, Injectable } from '@nestjs/common';
import { z } from 'zod';
import { assertNewName, assertSubscriptionId, ErrorCode, FHIR_SERVICE_NAME, isDomainError, qualifiedResourceType, HealthcareResourceType, ValidationError } from '@iomt/domain';
import type { ArmRequest } from '../arm/arm-request';
import { ok, type ArmResponse } from '../arm/arm-response';
import { parseRequestBody } from '../arm/request-body';
import { FHIR_SERVICE_NAME_CLAIMS, type FhirServiceNameClaims } from '../ports/fhir-service-name-claims.port';

const checkNameBodySchema = z.strictObject({ name: z.string(), type: z.string() });
const SERVICES_TYPE = qualifiedResourceType(HealthcareResourceType.FhirService);

/**
 * `POST /subscriptions/{sub}/providers/Microsoft.HealthcareApis/checkNameAvailability` with
 * `{name, type: "Microsoft.HealthcareApis/services"}`: `{nameAvailable, reason?, message?}`, reason
 * `Invalid` for a name the rules refuse and `AlreadyExists` for one a live service of any
 * subscription holds (the same claim a PUT takes, so the two never disagree).
 */
@Injectable()
export class CheckNameAvailabilityHandler {
  constructor(@Inject(FHIR_SERVICE_NAME_CLAIMS) private readonly names: FhirServiceNameClaims) {}

  async handle(subscriptionId: string, arm: ArmRequest): Promise<ArmResponse> {
    assertSubscriptionId(subscriptionId);
    const body = parseRequestBody(checkNameBodySchema, arm.body);
    if (body.type.toLowerCase() !== SERVICES_TYPE.toLowerCase()) {
      throw new ValidationError(`The type '${body.type}' is not checked here; use '${SERVICES_TYPE}'.`, { code: ErrorCode.InvalidParameter, target: 'type' });
    }
    try {
      assertNewName(FHIR_SERVICE_NAME, body.name, 'name');
    } catch (error) {
      if (!isDomainError(error)) throw error;
      return ok({ nameAvailable: false, reason: 'Invalid', message: error.message });
    }
    if (await this.names.isHeld(body.name)) {
      return ok({ nameAvailable: false, reason: 'AlreadyExists', message: `The name '${body.name}' is already in use.` });
    }
    return ok({ nameAvailable: true });
  }
}
