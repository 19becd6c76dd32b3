import { ErrorCode, ValidationError } from '@iomt/domain';

/** The deployment template schema every template here declares. */
export const DEPLOYMENT_TEMPLATE_SCHEMA =
  'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#';

/** A template parameter declaration. */
export interface ArmTemplateParameter {
  readonly type: 'string' | 'int' | 'bool' | 'object' | 'array';
  readonly defaultValue?: unknown;
  readonly allowedValues?: readonly unknown[];
  readonly minValue?: number;
  readonly maxValue?: number;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly metadata?: { readonly description: string };
}

/** One resource of a template. */
export interface ArmTemplateResource {
  readonly type: string;
  readonly apiVersion: string;
  readonly name: string;
  readonly scope?: string;
  readonly location?: string;
  readonly tags?: string;
  readonly kind?: string;
  readonly sku?: Readonly<Record<string, unknown>>;
  readonly identity?: Readonly<Record<string, unknown>>;
  readonly dependsOn?: readonly string[];
  /** An object, or an expression that evaluates to one (`[parameters('appSettings')]`). */
  readonly properties?: Readonly<Record<string, unknown>> | string;
}

/** A template output. */
export interface ArmTemplateOutput {
  readonly type: 'string' | 'int' | 'bool' | 'object' | 'array';
  readonly value: unknown;
}

/** An ARM deployment template (JSON), as sent in `properties.template`. */
export interface ArmTemplate {
  readonly $schema: string;
  readonly contentVersion: string;
  readonly parameters: Readonly<Record<string, ArmTemplateParameter>>;
  readonly variables?: Readonly<Record<string, unknown>>;
  readonly resources: readonly ArmTemplateResource[];
  readonly outputs: Readonly<Record<string, ArmTemplateOutput>>;
}

/** `parameters('name')` as an inner expression. */
export const parameter = (name: string): string => `parameters('${name}')`;

/** `variables('name')` as an inner expression. */
export const variable = (name: string): string => `variables('${name}')`;

/** A whole-string template expression: `[inner]`. */
export const expression = (inner: string): string => `[${inner}]`;

/** `resourceId('type', name1, name2...)`, names being inner expressions or quoted literals. */
export const resourceIdOf = (type: string, ...names: readonly string[]): string =>
  `resourceId('${type}', ${names.join(', ')})`;

/** A string literal inside an expression. */
export const literal = (text: string): string => `'${text.replace(/'/g, "''")}'`;

/**
 * The output `{ id, name, type }` of a resource, which the provisioner records on its document
 * (seed 004 `IInfrastructureResource`).
 */
export function resourceOutput(idExpression: string, nameExpression: string, type: string): ArmTemplateOutput {
  return { type: 'object', value: { id: expression(idExpression), name: expression(nameExpression), type } };
}

/** An App Service plan id: `/subscriptions/{s}/resourceGroups/{rg}/providers/Microsoft.Web/serverfarms/{name}`. */
const APP_SERVICE_PLAN_ID =
  /^\/subscriptions\/[0-9a-f-]{36}\/resourceGroups\/[-\w.()]+\/providers\/Microsoft\.Web\/serverfarms\/[-\w]+$/i;

/**
 * Returns `value` when it is an App Service plan resource id.
 * @throws ValidationError (`InvalidResourceId`, target `appServicePlanId`) otherwise.
 */
export function assertAppServicePlanId(value: string): string {
  if (APP_SERVICE_PLAN_ID.test(value)) return value;
  throw new ValidationError(`The App Service plan id '${value}' is not a Microsoft.Web/serverfarms resource id.`, {
    code: ErrorCode.InvalidResourceId,
    target: 'appServicePlanId',
  });
}
