import { applyDecorators, Controller, UseFilters, UseGuards, UseInterceptors } from '@nestjs/common';
import { ApiVersionGuard } from '../arm/api-version.guard';
import { ArmExceptionFilter } from '../arm/arm-exception.filter';
import { ArmResponseInterceptor } from '../arm/arm-response.interceptor';
import { JsonBodyInterceptor } from '../arm/json-body.interceptor';
import { AdminAuthGuard } from '../auth/admin-auth.guard';

/**
 * A controller of the operators' admin API: the ARM framework (api-version, JSON body, ARM
 * answers and errors) behind the admin credential (`AdminAuthGuard`) instead of ARM's.
 */
export function AdminController(): ClassDecorator {
  return applyDecorators(
    Controller(),
    UseFilters(ArmExceptionFilter),
    UseGuards(AdminAuthGuard, ApiVersionGuard),
    UseInterceptors(JsonBodyInterceptor, ArmResponseInterceptor),
  );
}
