import { findProperty, JsonCursor, kindOf, propertiesOf } from './json-cursor';
import { ProblemCollector } from './problem-collector';

/** The member name Json.NET puts in its messages: the C# property, i.e. the key in PascalCase. */
export function memberName(key: string): string {
  return key.charAt(0).toUpperCase() + key.slice(1);
}

/** Reports a required property that is absent, with Json.NET's text; the location is the object. */
export function reportMissing(object: JsonCursor, key: string, collector: ProblemCollector): void {
  collector.error(`Required property '${memberName(key)}' not found in JSON.`, object, [...object.path, key]);
}

/**
 * Reads a required string property that must not be blank (stricter than Json.NET, which lets an
 * empty string load and fails only when data arrives). Returns its cursor, or undefined after
 * reporting why it is unusable.
 */
export function requireString(object: JsonCursor, key: string, collector: ProblemCollector): JsonCursor | undefined {
  const property = findProperty(object, key);
  if (property === undefined) {
    reportMissing(object, key, collector);
    return undefined;
  }
  return checkString(property.value, key, collector, true);
}

/** Reads an optional string property: absent or null is fine, another kind is an ERROR. */
export function optionalString(object: JsonCursor, key: string, collector: ProblemCollector): JsonCursor | undefined {
  const value = findProperty(object, key)?.value;
  if (value === undefined || value.node.type === 'null') {
    return undefined;
  }
  return checkString(value, key, collector, false);
}

function checkString(
  value: JsonCursor,
  key: string,
  collector: ProblemCollector,
  required: boolean,
): JsonCursor | undefined {
  const name = memberName(key);
  if (value.node.type === 'null' && required) {
    collector.error(`Required property '${name}' expects a value but got null.`, value);
    return undefined;
  }
  if (value.node.type !== 'string') {
    collector.error(`Expected a string for property '${name}', actual ${kindOf(value)}.`, value);
    return undefined;
  }
  if (String(value.node.value).trim() === '') {
    if (required) {
      collector.error(`Required property '${name}' must not be empty.`, value);
    } else {
      collector.warn(`Property '${name}' is empty and is ignored.`, value);
    }
    return undefined;
  }
  return value;
}

/**
 * Reports properties an object may not have. Json.NET deserializes templates with
 * `MissingMemberHandling.Error`, so there an unknown member is an ERROR with this text; where the
 * connector silently ignores extra members, pass `'WARN'`.
 */
export function reportUnknownProperties(
  object: JsonCursor,
  knownKeys: readonly string[],
  typeName: string,
  collector: ProblemCollector,
  level: 'ERROR' | 'WARN' = 'ERROR',
): void {
  const known = new Set(knownKeys.map((key) => key.toLowerCase()));
  for (const property of propertiesOf(object)) {
    if (known.has(property.key.toLowerCase())) {
      continue;
    }
    if (level === 'ERROR') {
      collector.error(`Could not find member '${property.key}' on object of type '${typeName}'.`, property.keyAt);
    } else {
      collector.warn(`Property '${property.key}' is not used by ${typeName} and is ignored.`, property.keyAt);
    }
  }
}

/** Reads an optional array property: absent or null is fine, another kind is an ERROR. */
export function optionalArray(object: JsonCursor, key: string, collector: ProblemCollector): JsonCursor | undefined {
  const value = findProperty(object, key)?.value;
  if (value === undefined || value.node.type === 'null') {
    return undefined;
  }
  if (value.node.type !== 'array') {
    collector.error(`Expected an array for property '${memberName(key)}', actual ${kindOf(value)}.`, value);
    return undefined;
  }
  return value;
}

/** Checks that a value is an object, reporting `what` otherwise. */
export function expectObject(value: JsonCursor, what: string, collector: ProblemCollector): boolean {
  if (value.node.type === 'object') {
    return true;
  }
  collector.error(`Expected an object for ${what}, actual ${kindOf(value)}.`, value);
  return false;
}
