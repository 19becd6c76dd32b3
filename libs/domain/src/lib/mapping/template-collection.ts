import { displayValue, findProperty, itemsOf, JsonCursor, JsonDocumentRef, kindOf } from './json-cursor';
import { parseStrictJson, TextLocator } from './json-text';
import { MappingDocumentKind } from './mapping-problem';
import { ProblemCollector } from './problem-collector';
import { reportUnknownProperties } from './property-rules';

/** What distinguishes the two collection documents. */
export interface CollectionKind {
  readonly document: MappingDocumentKind;
  /** The root `templateType` iomt-fhir expects, e.g. `CollectionContentTemplate`. */
  readonly rootTemplateType: string;
  /** The WARN for a collection with no templates. */
  readonly emptyWarning: string;
}

/** One element of the collection, `{ "templateType": ..., "template": ... }`, read but not judged. */
export interface TemplateContainer {
  readonly element: JsonCursor;
  /** The `templateType` string, undefined when absent or not a string. */
  readonly templateType?: string;
  /** `templateType` as messages show it: `Not Found` when absent or null. */
  readonly templateTypeDisplay: string;
  /** Where `templateType` is; when absent, the element (with the path of the missing property). */
  readonly templateTypeAt: JsonCursor;
  /** The `template` value, when present. */
  readonly template?: JsonCursor;
}

const CONTAINER_KEYS = ['templateType', 'template'];

/**
 * iomt-fhir `TemplateContainer.MatchTemplateName`: the type matches `expected` case-insensitively,
 * with or without a `Template` suffix.
 */
export function matchesTemplateType(expected: string, actual: string | undefined): boolean {
  if (actual === undefined) {
    return false;
  }
  const wanted = expected.toLowerCase();
  return wanted === actual.toLowerCase() || wanted === `${actual}Template`.toLowerCase();
}

/**
 * Rules D1–D3 / F1–F3: the text parses as strict JSON, the root `templateType` names the collection
 * and `template` is an array. Returns the containers of the collection, or undefined when a root
 * problem stops validation (as it stops iomt-fhir's `CollectionTemplateFactory`).
 */
export function readTemplateCollection(
  text: string,
  kind: CollectionKind,
  collector: ProblemCollector,
): TemplateContainer[] | undefined {
  const document: JsonDocumentRef = { kind: kind.document, locator: new TextLocator(text) };
  const parsed = parseStrictJson(text);
  if (!parsed.ok) {
    collector.report('ERROR', parsed.message, document, parsed.offset, []);
    return undefined;
  }
  const root: JsonCursor = { document, node: parsed.root, path: [] };
  const templateType = findProperty(root, 'templateType')?.value;
  const actualType = templateType === undefined || templateType.node.type === 'null' ? undefined : displayValue(templateType);
  if (!matchesTemplateType(kind.rootTemplateType, actualType)) {
    const message = `Expected TemplateType value ${kind.rootTemplateType}, actual ${actualType ?? 'Not Found'}.`;
    collector.error(message, templateType ?? root, templateType?.path ?? ['templateType']);
    return undefined;
  }
  const template = findProperty(root, 'template')?.value;
  if (template?.node.type !== 'array') {
    const message = `Expected an array for the template property value for template type ${kind.rootTemplateType}.`;
    collector.error(message, template ?? root, template?.path ?? ['template']);
    return undefined;
  }
  reportUnknownProperties(root, CONTAINER_KEYS, kind.rootTemplateType, collector, 'WARN');
  const elements = itemsOf(template);
  if (elements.length === 0) {
    collector.warn(kind.emptyWarning, template);
  }
  return elements.flatMap((element) => readContainer(element, collector));
}

function readContainer(element: JsonCursor, collector: ProblemCollector): TemplateContainer[] {
  if (element.node.type !== 'object') {
    collector.error(`Expected an object for each item of the template array, actual ${kindOf(element)}.`, element);
    return [];
  }
  reportUnknownProperties(element, CONTAINER_KEYS, 'TemplateContainer', collector, 'WARN');
  const templateType = findProperty(element, 'templateType')?.value;
  const present = templateType !== undefined && templateType.node.type !== 'null';
  return [
    {
      element,
      templateType: templateType?.node.type === 'string' ? String(templateType.node.value) : undefined,
      templateTypeDisplay: present ? displayValue(templateType) : 'Not Found',
      templateTypeAt: templateType ?? { ...element, path: [...element.path, 'templateType'] },
      template: findProperty(element, 'template')?.value,
    },
  ];
}

/** Rule D5 / F5: the element's `template` is an object; reports with iomt-fhir's text otherwise. */
export function templateObjectOf(
  container: TemplateContainer,
  typeName: string,
  collector: ProblemCollector,
): JsonCursor | undefined {
  if (container.template?.node.type === 'object') {
    return container.template;
  }
  const at = container.template ?? container.element;
  const path = container.template?.path ?? [...container.element.path, 'template'];
  collector.error(`Expected an object for the template property value for template type ${typeName}.`, at, path);
  return undefined;
}
