import type { ArmTemplate } from '../templates/arm-template';

const API_VERSION = /^\d{4}-\d{2}-\d{2}(-preview)?$/;
const PARAMETER_REFERENCE = /parameters\('([^']+)'\)/g;
const VARIABLE_REFERENCE = /variables\('([^']+)'\)/g;

/** Every string inside a JSON value. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(strings);
  return [];
}

function references(value: unknown, pattern: RegExp): Set<string> {
  return new Set(strings(value).flatMap((s) => [...s.matchAll(pattern)].map((m) => m[1])));
}

/** Brackets of every expression string balance (a cheap syntax check; the fake ARM parses them for real). */
function unbalanced(value: unknown): string[] {
  return strings(value).filter((s) => {
    if (!s.startsWith('[') || s.startsWith('[[')) return false;
    let depth = 0;
    for (const c of s.replace(/'(?:[^']|'')*'/g, '')) {
      if (c === '(' || c === '[') depth += 1;
      if (c === ')' || c === ']') depth -= 1;
      if (depth < 0) return true;
    }
    return depth !== 0 || !s.endsWith(']');
  });
}

/**
 * What is wrong with a template's structure (empty when nothing): schema and version, every
 * referenced parameter and variable declared, every declared parameter supplied or defaulted
 * (when `supplied` is given) and none supplied undeclared, resources with a namespaced type, a
 * dated apiVersion and a name, `dependsOn` as expressions, balanced expressions, outputs typed.
 */
export function templateProblems(template: ArmTemplate, supplied?: Readonly<Record<string, unknown>>): string[] {
  const problems: string[] = [];
  if (!template.$schema.includes('deploymentTemplate.json'))
    problems.push('$schema is not a deployment template schema');
  if (!/^\d+\.\d+\.\d+\.\d+$/.test(template.contentVersion)) problems.push('contentVersion is not n.n.n.n');
  const declared = new Set(Object.keys(template.parameters));
  const body = { variables: template.variables, resources: template.resources, outputs: template.outputs };
  for (const name of references(body, PARAMETER_REFERENCE))
    if (!declared.has(name)) problems.push(`parameter '${name}' is used but not declared`);
  for (const name of references(body, VARIABLE_REFERENCE))
    if (!(name in (template.variables ?? {}))) problems.push(`variable '${name}' is used but not declared`);
  if (supplied) {
    for (const [name, declaration] of Object.entries(template.parameters)) {
      if (!(name in supplied) && declaration.defaultValue === undefined)
        problems.push(`parameter '${name}' is neither supplied nor defaulted`);
    }
    for (const name of Object.keys(supplied))
      if (!declared.has(name)) problems.push(`parameter '${name}' is supplied but not declared`);
  }
  for (const resource of template.resources) {
    if (!/^[A-Za-z]+\.[A-Za-z.]+(\/[A-Za-z]+)+$/.test(resource.type))
      problems.push(`resource type '${resource.type}' is not Namespace/type`);
    if (!API_VERSION.test(resource.apiVersion))
      problems.push(`${resource.type} has apiVersion '${resource.apiVersion}'`);
    if (!resource.name) problems.push(`${resource.type} has no name`);
    for (const entry of resource.dependsOn ?? [])
      if (!entry.startsWith('[')) problems.push(`${resource.type} dependsOn '${entry}' is not an expression`);
  }
  for (const text of unbalanced(template)) problems.push(`unbalanced expression: ${text}`);
  if (Object.keys(template.outputs).length === 0) problems.push('no outputs');
  for (const [name, output] of Object.entries(template.outputs))
    if (!output.type) problems.push(`output '${name}' has no type`);
  return problems;
}

/** The resource of a template with this type (the first, or the one whose name mentions `nameHint`). */
export function resourceOfType(template: ArmTemplate, type: string, nameHint?: string) {
  const found = template.resources.find(
    (r) => r.type === type && (nameHint === undefined || r.name.includes(nameHint)),
  );
  if (!found) throw new Error(`The template has no ${type}${nameHint ? ` named like ${nameHint}` : ''}`);
  return found;
}
