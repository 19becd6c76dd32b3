import { randomUUID } from 'node:crypto';
import { ArmError, resourceGroupNotFound, resourceNotFound } from './arm-error';
import type { DeploymentRecord } from './deployment-record';
import { isJsonObject } from './json-merge';
import { idKey, parseResourceId, resourceGroupId } from './resource-id';

/** A resource the fake ARM holds. `secrets` (access keys) never leave through inspection. */
export interface ArmResourceRecord {
  readonly id: string;
  readonly name: string;
  readonly type: string;
  location?: string;
  tags?: Record<string, string>;
  kind?: string;
  sku?: unknown;
  identity?: unknown;
  properties: Record<string, unknown>;
  readonly secrets: Record<string, string>;
}

/** A resource group. */
export interface ResourceGroupRecord {
  readonly id: string;
  readonly name: string;
  readonly subscriptionId: string;
  location: string;
  tags: Record<string, string>;
  provisioningState: 'Succeeded' | 'Deleting';
}

/** What a write supplies; the store keeps the secrets of an existing record. */
export type ResourceWrite = Omit<ArmResourceRecord, 'name' | 'type' | 'secrets'>;

/** Per-type behaviour (keys, derived children, write rules) that each resource family plugs in. */
export interface ResourceBehaviour {
  /** Full type, e.g. `Microsoft.EventHub/namespaces`; compared case-insensitively. */
  readonly type: string;
  /** May refuse a write (throw an ArmError) given what exists. */
  beforeWrite?(incoming: ResourceWrite, existing: ArmResourceRecord | undefined, state: ArmState): void;
  /** Runs after every write, e.g. to add defaults or derived child resources. */
  afterWrite?(record: ArmResourceRecord, state: ArmState): void;
  /** The `listKeys` answer for this type (also what template `listKeys()` returns). */
  listKeys?(record: ArmResourceRecord, state: ArmState): unknown;
}

/** The in-memory ARM: resource groups, resources by id (case-insensitive) and deployments. */
export class ArmState {
  readonly deployments = new Map<string, DeploymentRecord>();
  private readonly groups = new Map<string, ResourceGroupRecord>();
  private readonly records = new Map<string, ArmResourceRecord>();
  private readonly behaviours: ReadonlyMap<string, ResourceBehaviour>;

  constructor(behaviours: readonly ResourceBehaviour[]) {
    this.behaviours = new Map(behaviours.map((b) => [b.type.toLowerCase(), b]));
  }

  /** Creates or updates a group; `created` tells which. */
  putGroup(subscriptionId: string, name: string, location: string, tags: Record<string, string>) {
    const existing = this.group(subscriptionId, name);
    if (existing) {
      Object.assign(existing, { location, tags });
      return { record: existing, created: false };
    }
    const id = resourceGroupId(subscriptionId, name);
    const record: ResourceGroupRecord = { id, name, subscriptionId, location, tags, provisioningState: 'Succeeded' };
    this.groups.set(idKey(id), record);
    return { record, created: true };
  }

  group(subscriptionId: string, name: string): ResourceGroupRecord | undefined {
    return this.groups.get(idKey(resourceGroupId(subscriptionId, name)));
  }

  requireGroup(subscriptionId: string, name: string): ResourceGroupRecord {
    const group = this.group(subscriptionId, name);
    if (!group) throw resourceGroupNotFound(name);
    return group;
  }

  listGroups(subscriptionId?: string): ResourceGroupRecord[] {
    return [...this.groups.values()].filter(
      (g) => !subscriptionId || idKey(g.subscriptionId) === idKey(subscriptionId),
    );
  }

  /** Removes a group with every resource and deployment in it. */
  deleteGroup(subscriptionId: string, name: string): void {
    const groupKey = idKey(resourceGroupId(subscriptionId, name));
    this.groups.delete(groupKey);
    for (const map of [this.records, this.deployments] as Map<string, unknown>[]) {
      for (const key of [...map.keys()]) if (key.startsWith(`${groupKey}/`)) map.delete(key);
    }
  }

  resource(id: string): ArmResourceRecord | undefined {
    return this.records.get(idKey(id));
  }

  requireResource(id: string): ArmResourceRecord {
    const record = this.resource(id);
    if (!record) throw resourceNotFound(parseResourceId(id)?.type ?? 'resource', id);
    return record;
  }

  /** Creates or replaces a resource; its group (and parent, for a child) must exist. */
  write(input: ResourceWrite): { record: ArmResourceRecord; created: boolean } {
    const parsed = parseResourceId(input.id);
    if (!parsed)
      throw new ArmError(400, 'InvalidResourceId', `'${input.id}' is not a resource group scoped resource id.`);
    this.requireGroup(parsed.subscriptionId, parsed.resourceGroup);
    if (parsed.parentId && !this.resource(parsed.parentId)) {
      throw new ArmError(
        404,
        'ParentResourceNotFound',
        `Failed to perform 'write' on resource(s) of type '${parsed.type}', because the parent resource '${parsed.parentId}' could not be found.`,
      );
    }
    const existing = this.resource(input.id);
    const behaviour = this.behaviour(parsed.type);
    behaviour?.beforeWrite?.(input, existing, this);
    const record: ArmResourceRecord = {
      ...input,
      id: existing?.id ?? input.id,
      name: parsed.names[parsed.names.length - 1],
      type: parsed.type,
      properties: { ...input.properties, provisioningState: 'Succeeded' },
      ...(input.identity !== undefined ? { identity: withPrincipal(input.identity, existing?.identity) } : {}),
      secrets: existing?.secrets ?? {},
    };
    this.records.set(idKey(record.id), record);
    behaviour?.afterWrite?.(record, this);
    return { record, created: !existing };
  }

  /** Deletes a resource and its children; false when it did not exist. */
  delete(id: string): boolean {
    const key = idKey(id);
    if (!this.records.delete(key)) return false;
    for (const other of [...this.records.keys()]) if (other.startsWith(`${key}/`)) this.records.delete(other);
    return true;
  }

  /** Resources, optionally of one type and/or under one id prefix (a group or a parent). */
  list(filter: { readonly type?: string; readonly under?: string } = {}): ArmResourceRecord[] {
    const prefix = filter.under ? `${idKey(filter.under)}/` : '';
    return [...this.records.entries()]
      .filter(([key, r]) => key.startsWith(prefix) && (!filter.type || idKey(r.type) === idKey(filter.type)))
      .map(([, r]) => r);
  }

  /** The `listKeys` view of a resource, or undefined when it does not exist or has no keys. */
  listKeys(id: string): unknown {
    const record = this.resource(id);
    return record ? this.behaviour(record.type)?.listKeys?.(record, this) : undefined;
  }

  behaviour(type: string): ResourceBehaviour | undefined {
    return this.behaviours.get(type.toLowerCase());
  }

  /** Forgets everything. */
  clear(): void {
    this.groups.clear();
    this.records.clear();
    this.deployments.clear();
  }
}

/** The tenant of the identities the fake hands out. */
export const FAKE_TENANT_ID = '00000000-0000-0000-0000-00000000fa4e';

/** A system-assigned identity gets a principal (kept across writes), as Azure assigns one. */
function withPrincipal(identity: unknown, previous: unknown): unknown {
  if (!isJsonObject(identity) || !/SystemAssigned/i.test(String(identity.type))) return identity;
  const before = isJsonObject(previous) ? previous : {};
  return {
    ...identity,
    principalId: identity.principalId ?? before.principalId ?? randomUUID(),
    tenantId: identity.tenantId ?? before.tenantId ?? FAKE_TENANT_ID,
  };
}
