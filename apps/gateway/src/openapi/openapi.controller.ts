import { Controller, Get, Module } from '@nestjs/common';
import { buildOpenApiDocument } from './openapi.document';

/** `GET /openapi.json`: the description of the routes, unauthenticated like the probes (it holds no data). */
@Controller()
export class OpenApiController {
  private readonly document = buildOpenApiDocument();

  @Get('openapi.json')
  get(): Record<string, unknown> {
    return this.document;
  }
}

/** Serves the OpenAPI document. */
@Module({ controllers: [OpenApiController] })
export class OpenApiModule {}
