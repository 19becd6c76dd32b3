import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { assertSubscriptionId, caseInsensitiveEnum, MappingProblem, normalizeDeviceEvents, RESOURCE_IDENTITY_RESOLUTION_TYPES, validateMappings } from '@iomt/domain';
import type { ArmRequest } from '../arm/arm-request';
import { ok, type ArmResponse } from '../arm/arm-response';
import { parseRequestBody } from '../arm/request-body';
import { inRequestBody, MappingContent, mappingContentAt } from '../iomt-mappings/mapping-content';

const template = z.union([z.record(z.string(), z.unknown()), z.string()]);
const validateBodySchema = z.strictObject({
  deviceMapping: template.optional(),
  fhirMapping: template.optional(),
  resourceIdentityResolutionType: caseInsensitiveEnum(RESOURCE_IDENTITY_RESOLUTION_TYPES).optional(),
  deviceEvents: z.array(z.unknown()).max(100).optional(),
});

/** A problem as the MedTech mapping debugger reports it (`MedtechMappingValidationError` with `lineInfo`). */
function reported(problem: MappingProblem) {
  const { message, level, category, mapping, path, line, position } = problem;
  return { message, level, category, mapping, path, lineInfo: { lineNumber: line, linePosition: position } };
}

/**
 * `POST /subscriptions/{sub}/providers/Microsoft.HealthcareApis/validateMedtechMappings`: validates a
 * device mapping and/or a FHIR mapping (and runs sample device events through the device mapping) and
 * answers 200 with every problem; positions are in the request body. A body without any mapping is a 400.
 */
@Injectable()
export class ValidateMedtechMappingsHandler {
  handle(subscriptionId: string, arm: ArmRequest): ArmResponse {
    assertSubscriptionId(subscriptionId);
    const body = parseRequestBody(validateBodySchema, arm.body);
    const contents: { deviceMapping?: MappingContent; fhirMapping?: MappingContent } = {
      ...(body.deviceMapping === undefined ? {} : { deviceMapping: mappingContentAt(body, arm.rawBody, ['deviceMapping']) }),
      ...(body.fhirMapping === undefined ? {} : { fhirMapping: mappingContentAt(body, arm.rawBody, ['fhirMapping']) }),
    };
    const resolutionType = body.resourceIdentityResolutionType;
    const locate = (problem: MappingProblem) => {
      const content = contents[problem.mapping];
      return reported(content === undefined ? problem : inRequestBody(problem, content));
    };
    const problems = validateMappings({ deviceMapping: contents.deviceMapping?.text, fhirMapping: contents.fhirMapping?.text, resolutionType });
    const device = contents.deviceMapping;
    const deviceResults =
      device === undefined || body.deviceEvents === undefined
        ? undefined
        : normalizeDeviceEvents(device.text, body.deviceEvents, { resolutionType }).deviceResults.map((result) => ({
            deviceEvent: result.deviceEvent,
            measurements: result.measurements,
            errors: result.problems.map(locate),
          }));
    return ok({ errors: problems.map(locate), ...(deviceResults === undefined ? {} : { deviceResults }) });
  }
}
