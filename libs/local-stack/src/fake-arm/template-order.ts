import { idKey, parseResourceId } from './resource-id';
import { TemplateError } from './template-expression';

/** What ordering needs of a planned resource. */
export interface Orderable {
  readonly id: string;
  readonly type: string;
  readonly name: string;
  /** Evaluated `dependsOn` entries: resource ids, names or `type/name`. */
  readonly dependsOn: readonly unknown[];
}

/**
 * Orders resources the way ARM deploys them: after what they `dependsOn` and after their parent
 * (or the resource an extension resource extends). Entries that name nothing in the template
 * are ignored, as ARM ignores dependencies on resources deployed elsewhere. Throws on a cycle.
 */
export function deploymentOrder<T extends Orderable>(resources: readonly T[]): T[] {
  const byKey = new Map(resources.map((r) => [idKey(r.id), r]));
  const prerequisites = new Map(resources.map((r) => [r, prerequisitesOf(r, resources, byKey)]));
  const ordered: T[] = [];
  const done = new Set<T>();
  // Parents first by depth, then declaration order, among the resources that are ready.
  const candidates = [...resources].sort((a, b) => a.id.split('/').length - b.id.split('/').length);
  while (ordered.length < resources.length) {
    const ready = candidates.find((r) => !done.has(r) && [...(prerequisites.get(r) ?? [])].every((p) => done.has(p)));
    if (!ready) {
      const stuck = candidates.filter((r) => !done.has(r)).map((r) => r.name);
      throw new TemplateError(`Circular dependency between the template resources: '${stuck.join("', '")}'.`);
    }
    done.add(ready);
    ordered.push(ready);
  }
  return ordered;
}

function prerequisitesOf<T extends Orderable>(resource: T, all: readonly T[], byKey: Map<string, T>): Set<T> {
  const found = new Set<T>();
  const parentId = parseResourceId(resource.id)?.parentId;
  const parent = parentId && byKey.get(idKey(parentId));
  if (parent) found.add(parent);
  for (const entry of resource.dependsOn) {
    if (typeof entry !== 'string') continue;
    const target = byKey.get(idKey(entry)) ?? all.find((r) => matchesName(r, entry));
    if (target && target !== resource) found.add(target);
  }
  return found;
}

/** `name` or `Namespace/type/name` (the short forms ARM accepts in dependsOn). */
function matchesName(resource: Orderable, entry: string): boolean {
  const wanted = entry.toLowerCase();
  return resource.name.toLowerCase() === wanted || `${resource.type}/${resource.name}`.toLowerCase() === wanted;
}
