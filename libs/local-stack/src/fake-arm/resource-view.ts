import type { ArmResourceRecord } from './arm-state';

/** The public JSON of a resource: what GET answers and inspection shows (never its secrets). */
export interface ResourceView {
  readonly id: string;
  readonly name: string;
  readonly type: string;
  readonly location?: string;
  readonly tags?: Record<string, string>;
  readonly kind?: string;
  readonly sku?: unknown;
  readonly identity?: unknown;
  readonly properties: Record<string, unknown>;
}

/** Projects a record to its public JSON. */
export function resourceView(record: ArmResourceRecord): ResourceView {
  const { id, name, type, location, tags, kind, sku, identity, properties } = record;
  return {
    id,
    name,
    type,
    ...(location !== undefined ? { location } : {}),
    ...(tags !== undefined ? { tags } : {}),
    ...(kind !== undefined ? { kind } : {}),
    ...(sku !== undefined ? { sku } : {}),
    ...(identity !== undefined ? { identity } : {}),
    properties: structuredClone(properties),
  };
}
