import { createHash } from 'node:crypto';
import { resourceGroupId, resourceIdOf } from './resource-id';
import { TemplateError } from './template-expression';

/** Thrown when an expression needs something the fake does not model; the raw string is kept. */
export class Unresolvable extends Error {}

/** What template functions can see. */
export interface FunctionEnvironment {
  parameter(name: string): unknown;
  variable(name: string): unknown;
  copyIndex(loop?: string): number;
  readonly subscriptionId: string;
  readonly resourceGroup: { readonly name: string; readonly location: string; readonly tags: Record<string, string> };
  readonly deploymentName: string;
  /** The id for a resource id, or for the name of a resource this template declares. */
  resolveResourceId(nameOrId: string): string | undefined;
  listKeys(id: string): unknown;
  reference(id: string, full: boolean): unknown;
}

type TemplateFunction = (args: unknown[], env: FunctionEnvironment) => unknown;

const text = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value));
const num = (value: unknown, fn: string): number => {
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isFinite(n))
    throw new TemplateError(`The template function '${fn}' expects numbers, got ${JSON.stringify(value)}.`);
  return n;
};
const hashHex = (args: unknown[], algorithm: string) =>
  createHash(algorithm).update(args.map(text).join('-')).digest('hex');
const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

function resourceId(args: unknown[], env: FunctionEnvironment): string {
  const strings = args.map(text);
  const typeAt = strings.findIndex((s) => /^[A-Za-z0-9.]+\.[A-Za-z0-9]+\/[A-Za-z]/.test(s));
  if (typeAt < 0 || typeAt > 2) throw new TemplateError(`resourceId(${strings.join(', ')}) has no resource type.`);
  const scope = strings.slice(0, typeAt);
  const subscriptionId = scope.length === 2 ? scope[0] : env.subscriptionId;
  const group = scope.length >= 1 ? scope[scope.length - 1] : env.resourceGroup.name;
  try {
    return resourceIdOf(resourceGroupId(subscriptionId, group), strings[typeAt], strings.slice(typeAt + 1));
  } catch (error) {
    throw new TemplateError(`resourceId(${strings.join(', ')}): ${(error as Error).message}`);
  }
}

function resolvedId(value: unknown, env: FunctionEnvironment): string {
  const id = env.resolveResourceId(text(value));
  if (!id) throw new Unresolvable();
  return id;
}

function known(value: unknown): unknown {
  if (value === undefined) throw new Unresolvable();
  return value;
}

/** The supported template functions by lower-case name (`if` is evaluated lazily by the evaluator). */
export const TEMPLATE_FUNCTIONS: ReadonlyMap<string, TemplateFunction> = new Map<string, TemplateFunction>([
  ['parameters', ([name], env) => env.parameter(text(name))],
  ['variables', ([name], env) => env.variable(text(name))],
  ['concat', (args) => (args.every(Array.isArray) ? args.flat() : args.map(text).join(''))],
  [
    'format',
    ([format, ...args]) => text(format).replace(/\{(\d+)(?::[^}]*)?\}/g, (_, i: string) => text(args[Number(i)])),
  ],
  [
    'resourcegroup',
    (_, env) => ({
      id: resourceGroupId(env.subscriptionId, env.resourceGroup.name),
      type: 'Microsoft.Resources/resourceGroups',
      properties: { provisioningState: 'Succeeded' },
      ...env.resourceGroup,
    }),
  ],
  [
    'subscription',
    (_, env) => ({
      id: `/subscriptions/${env.subscriptionId}`,
      subscriptionId: env.subscriptionId,
      displayName: env.subscriptionId,
    }),
  ],
  ['deployment', (_, env) => ({ name: env.deploymentName, properties: {} })],
  [
    'environment',
    () => ({ name: 'AzureCloud', suffixes: { storage: 'core.windows.net', keyvaultDns: '.vault.azure.net' } }),
  ],
  ['resourceid', resourceId],
  ['extensionresourceid', ([scope, type, ...names]) => resourceIdOf(text(scope), text(type), names.map(text))],
  ['listkeys', ([id], env) => known(env.listKeys(resolvedId(id, env)))],
  [
    'reference',
    ([id, , full], env) => known(env.reference(resolvedId(id, env), text(full ?? '').toLowerCase() === 'full')),
  ],
  ['tolower', ([s]) => text(s).toLowerCase()],
  ['toupper', ([s]) => text(s).toUpperCase()],
  ['trim', ([s]) => text(s).trim()],
  ['replace', ([s, from, to]) => text(s).split(text(from)).join(text(to))],
  [
    'substring',
    ([s, start, length]) => {
      const from = num(start, 'substring');
      return text(s).slice(from, length === undefined ? undefined : from + num(length, 'substring'));
    },
  ],
  ['take', ([v, n]) => (Array.isArray(v) ? v : text(v)).slice(0, num(n, 'take'))],
  ['skip', ([v, n]) => (Array.isArray(v) ? v : text(v)).slice(num(n, 'skip'))],
  ['length', ([v]) => (Array.isArray(v) || typeof v === 'string' ? v.length : Object.keys(v ?? {}).length)],
  [
    'empty',
    ([v]) => v === null || v === undefined || (typeof v === 'object' ? Object.keys(v).length === 0 : text(v) === ''),
  ],
  [
    'contains',
    ([c, item]) =>
      Array.isArray(c)
        ? c.includes(item)
        : typeof c === 'string'
          ? c.toLowerCase().includes(text(item).toLowerCase())
          : Object.hasOwn(Object(c), text(item)),
  ],
  ['startswith', ([s, p]) => text(s).toLowerCase().startsWith(text(p).toLowerCase())],
  ['endswith', ([s, p]) => text(s).toLowerCase().endsWith(text(p).toLowerCase())],
  [
    'uniquestring',
    (args) =>
      [...Buffer.from(hashHex(args, 'sha256').slice(0, 26), 'hex')]
        .map((b) => BASE32[b % 32])
        .join('')
        .slice(0, 13),
  ],
  [
    'guid',
    (args) =>
      hashHex(args, 'sha1')
        .slice(0, 32)
        .replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5'),
  ],
  ['base64', ([s]) => Buffer.from(text(s), 'utf8').toString('base64')],
  ['string', ([v]) => text(v)],
  ['int', ([v]) => Math.trunc(num(v, 'int'))],
  ['bool', ([v]) => (typeof v === 'string' ? v.toLowerCase() === 'true' : Boolean(v))],
  ['json', ([s]) => JSON.parse(text(s))],
  ['add', ([a, b]) => num(a, 'add') + num(b, 'add')],
  ['sub', ([a, b]) => num(a, 'sub') - num(b, 'sub')],
  ['mul', ([a, b]) => num(a, 'mul') * num(b, 'mul')],
  ['div', ([a, b]) => Math.trunc(num(a, 'div') / num(b, 'div'))],
  ['mod', ([a, b]) => num(a, 'mod') % num(b, 'mod')],
  ['min', (args) => Math.min(...args.flat().map((a) => num(a, 'min')))],
  ['max', (args) => Math.max(...args.flat().map((a) => num(a, 'max')))],
  ['equals', ([a, b]) => JSON.stringify(a) === JSON.stringify(b)],
  ['less', ([a, b]) => num(a, 'less') < num(b, 'less')],
  ['greater', ([a, b]) => num(a, 'greater') > num(b, 'greater')],
  ['not', ([a]) => !a],
  ['and', (args) => args.every(Boolean)],
  ['or', (args) => args.some(Boolean)],
  ['true', () => true],
  ['false', () => false],
  ['null', () => null],
  ['coalesce', (args) => args.find((a) => a !== null && a !== undefined) ?? null],
  ['createarray', (args) => args],
  [
    'createobject',
    (args) => Object.fromEntries(args.flatMap((_, i) => (i % 2 === 0 ? [[text(args[i]), args[i + 1]]] : []))),
  ],
  ['union', (args) => (args.every(Array.isArray) ? [...new Set(args.flat())] : Object.assign({}, ...args))],
  ['first', ([v]) => (Array.isArray(v) ? v[0] : text(v)[0])],
  ['last', ([v]) => (Array.isArray(v) ? v[v.length - 1] : text(v).slice(-1))],
  [
    'copyindex',
    ([a, b], env) =>
      typeof a === 'string' ? env.copyIndex(a) + num(b ?? 0, 'copyIndex') : env.copyIndex() + num(a ?? 0, 'copyIndex'),
  ],
]);
