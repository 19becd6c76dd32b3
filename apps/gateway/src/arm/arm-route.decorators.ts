import { applyDecorators, Controller, SetMetadata, UseFilters, UseGuards, UseInterceptors } from '@nestjs/common';
import { ArmAuthGuard } from '../auth/arm-auth.guard';
import { ApiVersionGuard } from './api-version.guard';
import { ArmExceptionFilter } from './arm-exception.filter';
import { ArmResponseInterceptor } from './arm-response.interceptor';
import { JsonBodyInterceptor } from './json-body.interceptor';

/** Metadata key: the resource type whose api-versions a route accepts. */
export const ARM_RESOURCE_TYPE = Symbol('ARM_RESOURCE_TYPE');
/** Metadata key: a fixed list of api-versions (the subscription lifecycle's `2.0`). */
export const ARM_FIXED_API_VERSIONS = Symbol('ARM_FIXED_API_VERSIONS');

/**
 * An ARM controller: every route is authenticated (`ArmAuthGuard`), has its api-version checked
 * (`ApiVersionGuard`), reads its JSON body after those (`JsonBodyInterceptor`), answers with an
 * `ArmResponse` (`ArmResponseInterceptor`) and fails with the ARM error body (`ArmExceptionFilter`).
 */
export function ArmController(): ClassDecorator {
  return applyDecorators(
    Controller(),
    UseFilters(ArmExceptionFilter),
    UseGuards(ArmAuthGuard, ApiVersionGuard),
    UseInterceptors(JsonBodyInterceptor, ArmResponseInterceptor),
  );
}

/** The route serves `resourceType` (a key of the domain's api-version table) and accepts its api-versions. */
export const ArmResourceType = (resourceType: string) => SetMetadata(ARM_RESOURCE_TYPE, resourceType);

/** The route accepts exactly these api-versions. */
export const ArmApiVersions = (...versions: [string, ...string[]]) => SetMetadata(ARM_FIXED_API_VERSIONS, versions);

/** The route does not look at api-version (the answer is the same for every version: a 404). */
export const ArmAnyApiVersion = () => SetMetadata(ARM_FIXED_API_VERSIONS, []);
