import { CatalogRoute, ROUTE_CATALOG } from './route-catalog';

const ERROR_RESPONSE = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: { type: 'string' },
        message: { type: 'string' },
        target: { type: 'string' },
        details: { type: 'array', items: { $ref: '#/components/schemas/ErrorDetail' } },
      },
    },
  },
};

const LRO_HEADERS = {
  'Azure-AsyncOperation': { schema: { type: 'string', format: 'uri' } },
  Location: { schema: { type: 'string', format: 'uri' } },
  'Retry-After': { schema: { type: 'integer' } },
};

/** `/a/:b/c` → `/a/{b}/c`, and the names of its parameters. */
function openApiPath(path: string): { path: string; parameters: string[] } {
  const parameters: string[] = [];
  const converted = path.replace(/:([A-Za-z]+)/g, (_match, name: string) => {
    parameters.push(name);
    return `{${name}}`;
  });
  return { path: `/${converted}`, parameters };
}

function operationOf(route: CatalogRoute, parameters: string[]): Record<string, unknown> {
  const responses: Record<string, unknown> = {};
  for (const status of route.responses) {
    const lro = status === 201 || status === 202;
    responses[String(status)] = { description: String(status), ...(lro ? { headers: LRO_HEADERS } : {}) };
  }
  responses['default'] = { description: 'ARM error', content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorResponse' } } } };
  return {
    operationId: route.operationId,
    summary: route.summary,
    parameters: [
      ...parameters.map((name) => ({ name, in: 'path', required: true, schema: { type: 'string' } })),
      { name: 'api-version', in: 'query', required: true, schema: { type: 'string', enum: [...route.apiVersions] } },
    ],
    ...(route.body ? { requestBody: { required: true, content: { 'application/json': { schema: { type: 'object' } } } } } : {}),
    responses,
  };
}

/** The OpenAPI 3.0 document of the gateway's routes, built from the route catalog. */
export function buildOpenApiDocument(): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of ROUTE_CATALOG) {
    const { path, parameters } = openApiPath(route.path);
    paths[path] = { ...paths[path], [route.method]: operationOf(route, parameters) };
  }
  return {
    openapi: '3.0.3',
    info: { title: 'Microsoft.HealthcareApis resource provider (Azure API for FHIR and IoMT connectors)', version: '1.0.0' },
    paths,
    components: {
      schemas: { ErrorResponse: ERROR_RESPONSE, ErrorDetail: { type: 'object', properties: { code: { type: 'string' }, message: { type: 'string' }, target: { type: 'string' } } } },
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
    },
    security: [{ bearer: [] }],
  };
}
