import { isJsonObject } from './json-merge';
import { resourceGroupId, resourceIdOf } from './resource-id';
import { type EvaluationContext, type LoopScope, TemplateEvaluator } from './template-evaluator';
import { TemplateError } from './template-expression';
import { deploymentOrder } from './template-order';
import { TemplateParameters } from './template-parameters';

/** Where a template is deployed, and how expressions read the state (`listKeys`, `reference`). */
export type TemplateContext = Omit<EvaluationContext, 'parameter' | 'resolveResourceId'>;

/** One resource a template declares, with its evaluated id, full type and full name. */
export interface PlannedResource {
  readonly id: string;
  readonly type: string;
  readonly name: string;
  readonly definition: Record<string, unknown>;
  readonly scope: LoopScope;
  readonly dependsOn: readonly unknown[];
}

/** A checked template: its parameters, its resources in deployment order and lazy bodies/outputs. */
export interface TemplatePlan {
  readonly parameters: Record<string, { type: string; value?: unknown }>;
  readonly resources: readonly PlannedResource[];
  /** The evaluated body of a resource; call once every resource exists so listKeys() resolves. */
  body(resource: PlannedResource): Record<string, unknown>;
  outputs(): Record<string, { type: string; value: unknown }>;
}

const BODY_FIELDS = ['location', 'tags', 'kind', 'sku', 'identity', 'properties'] as const;
const MAX_COPIES = 800;

/** Checks a template and its parameters and expands its resources; throws TemplateError. */
export function planTemplate(template: unknown, suppliedParameters: unknown, context: TemplateContext): TemplatePlan {
  if (!isJsonObject(template)) throw new TemplateError('The template must be a JSON object.');
  const declared = isJsonObject(template.resources) ? Object.values(template.resources) : template.resources;
  if (!Array.isArray(declared)) throw new TemplateError("The template must have a 'resources' array.");
  const resources: PlannedResource[] = [];
  const resolveResourceId = (nameOrId: string) =>
    nameOrId.startsWith('/') ? nameOrId : resources.find((r) => r.name.toLowerCase() === nameOrId.toLowerCase())?.id;
  const parameters: TemplateParameters = new TemplateParameters(template.parameters, suppliedParameters, (v) =>
    evaluator.value(v),
  );
  const evaluator = new TemplateEvaluator(template.variables, {
    ...context,
    parameter: (n) => parameters.get(n),
    resolveResourceId,
  });
  parameters.resolveAll();
  const groupId = resourceGroupId(context.subscriptionId, context.resourceGroup.name);
  for (const definition of declared) expand(evaluator, groupId, definition, undefined, {}, resources);
  return {
    parameters: parameters.view(),
    resources: deploymentOrder(resources),
    body: (resource) =>
      Object.fromEntries(
        BODY_FIELDS.filter((f) => f in resource.definition).map((f) => [
          f,
          evaluator.value(resource.definition[f], resource.scope),
        ]),
      ),
    outputs: () => evaluateOutputs(evaluator, template.outputs),
  };
}

interface Parent {
  readonly type: string;
  readonly name: string;
}

function expand(
  evaluator: TemplateEvaluator,
  groupId: string,
  definition: unknown,
  parent: Parent | undefined,
  scope: LoopScope,
  out: PlannedResource[],
): void {
  if (!isJsonObject(definition)) throw new TemplateError('Each template resource must be a JSON object.');
  const copy = definition.copy;
  if (copy === undefined) return expandOne(evaluator, groupId, definition, parent, scope, out);
  if (!isJsonObject(copy) || typeof copy.name !== 'string')
    throw new TemplateError("A resource 'copy' needs a 'name' and a 'count'.");
  const count = evaluator.strict(copy.count, scope, 'copy count');
  if (!Number.isInteger(count) || (count as number) < 0 || (count as number) > MAX_COPIES) {
    throw new TemplateError(
      `The copy count of '${copy.name}' must be an integer from 0 to ${MAX_COPIES}, got ${JSON.stringify(count)}.`,
    );
  }
  for (let i = 0; i < (count as number); i++)
    expandOne(evaluator, groupId, definition, parent, { ...scope, [copy.name]: i, '': i }, out);
}

function expandOne(
  evaluator: TemplateEvaluator,
  groupId: string,
  definition: Record<string, unknown>,
  parent: Parent | undefined,
  scope: LoopScope,
  out: PlannedResource[],
): void {
  if ('condition' in definition && !evaluator.strict(definition.condition, scope, 'condition')) return;
  const type = evaluator.strict(definition.type, scope, 'resource type');
  const name = evaluator.strict(definition.name, scope, 'resource name');
  if (typeof type !== 'string' || typeof name !== 'string' || !type || !name) {
    throw new TemplateError(
      `Each template resource needs a string 'type' and 'name', got ${JSON.stringify({ type, name })}.`,
    );
  }
  const nested = parent && !type.includes('/');
  const full = { type: nested ? `${parent.type}/${type}` : type, name: nested ? `${parent.name}/${name}` : name };
  const scopeId =
    definition.scope === undefined
      ? groupId
      : scopeIdOf(groupId, evaluator.strict(definition.scope, scope, 'resource scope'));
  let id: string;
  try {
    id = resourceIdOf(scopeId, full.type, [full.name]);
  } catch (error) {
    throw new TemplateError(`The template resource '${full.name}': ${(error as Error).message}`);
  }
  const dependsOn = definition.dependsOn === undefined ? [] : evaluator.value(definition.dependsOn, scope);
  if (!Array.isArray(dependsOn)) throw new TemplateError(`The 'dependsOn' of '${full.name}' must be an array.`);
  out.push({ id, ...full, definition, scope, dependsOn });
  const children = definition.resources;
  if (children === undefined) return;
  if (!Array.isArray(children)) throw new TemplateError(`The 'resources' of '${full.name}' must be an array.`);
  for (const child of children) expand(evaluator, groupId, child, full, scope, out);
}

/** An extension resource's scope: a resource id, or `Namespace/type/name` relative to the group. */
function scopeIdOf(groupId: string, scope: unknown): string {
  if (typeof scope !== 'string' || scope === '')
    throw new TemplateError(`A resource 'scope' must be a resource id, got ${JSON.stringify(scope)}.`);
  return scope.startsWith('/') ? scope.replace(/\/+$/, '') : `${groupId}/providers/${scope}`;
}

function evaluateOutputs(
  evaluator: TemplateEvaluator,
  outputs: unknown,
): Record<string, { type: string; value: unknown }> {
  if (outputs === undefined) return {};
  if (!isJsonObject(outputs)) throw new TemplateError("The template's 'outputs' must be an object.");
  const result: Record<string, { type: string; value: unknown }> = {};
  for (const [name, output] of Object.entries(outputs)) {
    if (!isJsonObject(output)) throw new TemplateError(`The output '${name}' must be an object.`);
    if ('condition' in output && !evaluator.strict(output.condition, {}, 'output condition')) continue;
    const type = String(output.type ?? 'string');
    const copy = output.copy;
    if (isJsonObject(copy)) {
      const count = Number(evaluator.strict(copy.count, {}, 'output copy count'));
      result[name] = { type, value: Array.from({ length: count }, (_, i) => evaluator.value(copy.input, { '': i })) };
    } else {
      result[name] = { type, value: evaluator.value(output.value) };
    }
  }
  return result;
}
