import { Node } from 'jsonc-parser';
import { MappingDocumentKind } from './mapping-problem';
import { TextLocator } from './json-text';

/** One step of a path: a property key or an array index. */
export type JsonPathSegment = string | number;

/** The mapping document a node belongs to: which one it is and how to find lines in its text. */
export interface JsonDocumentRef {
  readonly kind: MappingDocumentKind;
  readonly locator: TextLocator;
}

/** A node of a parsed mapping document together with its path from the root. */
export interface JsonCursor {
  readonly document: JsonDocumentRef;
  readonly node: Node;
  readonly path: readonly JsonPathSegment[];
}

/** A property of an object: its key as written, where the key is, and where its value is. */
export interface JsonProperty {
  readonly key: string;
  readonly keyAt: JsonCursor;
  readonly value: JsonCursor;
}

/** JSON value kinds, named as Json.NET names token types in its messages. */
export type JsonKind = 'Object' | 'Array' | 'String' | 'Number' | 'Boolean' | 'Null';

const KIND_BY_NODE_TYPE: Record<string, JsonKind> = {
  object: 'Object',
  array: 'Array',
  string: 'String',
  number: 'Number',
  boolean: 'Boolean',
  null: 'Null',
};

/** The kind of value a cursor points at. */
export function kindOf(cursor: JsonCursor): JsonKind {
  return KIND_BY_NODE_TYPE[cursor.node.type] ?? 'Null';
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** Formats a path as `$.template[0].template.typeName`; other keys become `['a b']`. */
export function formatJsonPath(path: readonly JsonPathSegment[]): string {
  return path.reduce<string>((text, segment) => {
    if (typeof segment === 'number') {
      return `${text}[${segment}]`;
    }
    return IDENTIFIER.test(segment) ? `${text}.${segment}` : `${text}['${segment.replace(/['\\]/g, '\\$&')}']`;
  }, '$');
}

/** The properties of an object in document order (an empty list for anything else). */
export function propertiesOf(object: JsonCursor): JsonProperty[] {
  if (object.node.type !== 'object') {
    return [];
  }
  return (object.node.children ?? []).flatMap((property) => {
    const [keyNode, valueNode] = property.children ?? [];
    if (keyNode === undefined || valueNode === undefined) {
      return [];
    }
    const key = String(keyNode.value);
    const path = [...object.path, key];
    return [{ key, keyAt: { ...object, node: keyNode, path }, value: { ...object, node: valueNode, path } }];
  });
}

/**
 * Finds a property the way Json.NET binds a JSON property to a class member: case-insensitively,
 * and when the key appears more than once the last occurrence wins.
 */
export function findProperty(object: JsonCursor, name: string): JsonProperty | undefined {
  const wanted = name.toLowerCase();
  const children = object.node.type === 'object' ? (object.node.children ?? []) : [];
  const match = [...children].reverse().find((property) => String(property.children?.[0]?.value).toLowerCase() === wanted);
  const [keyNode, valueNode] = match?.children ?? [];
  if (keyNode === undefined || valueNode === undefined) {
    return undefined;
  }
  const key = String(keyNode.value);
  const path = [...object.path, key];
  return { key, keyAt: { ...object, node: keyNode, path }, value: { ...object, node: valueNode, path } };
}

/** The items of an array (an empty list for anything else). */
export function itemsOf(array: JsonCursor): JsonCursor[] {
  if (array.node.type !== 'array') {
    return [];
  }
  return (array.node.children ?? []).map((node, index) => ({ ...array, node, path: [...array.path, index] }));
}

/** The string a cursor points at, or undefined when it is not a string. */
export function stringAt(cursor: JsonCursor | undefined): string | undefined {
  return cursor?.node.type === 'string' ? String(cursor.node.value) : undefined;
}

/** A short rendering of a value for messages: strings as they are, containers by kind. */
export function displayValue(cursor: JsonCursor): string {
  const { type, value } = cursor.node;
  return type === 'object' || type === 'array' ? kindOf(cursor) : String(value);
}
