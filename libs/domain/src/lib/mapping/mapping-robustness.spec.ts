import { validateMappings } from './validate-mappings';
import { SAMPLE_DEVICE_MAPPING, SAMPLE_FHIR_MAPPING } from './test-support/mapping-samples';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every copy of `document` in which one value (at any depth) is replaced by `replacement`. */
function withEachValueReplaced(document: Json, replacement: Json): Json[] {
  if (document === null || typeof document !== 'object') {
    return [];
  }
  const entries: [string | number, Json][] = Array.isArray(document) ? document.map((v, i) => [i, v]) : Object.entries(document);
  return entries.flatMap(([key, value]) => {
    const replaceHere = Array.isArray(document)
      ? document.map((item, index) => (index === key ? replacement : item))
      : { ...document, [key]: replacement };
    const replaceBelow = withEachValueReplaced(value, replacement).map((inner) =>
      Array.isArray(document)
        ? document.map((item, index) => (index === key ? inner : item))
        : { ...document, [key]: inner },
    );
    return [replaceHere, ...replaceBelow];
  });
}

const REPLACEMENTS: Json[] = [null, -1.5, [' ', { templateType: 7 }]];

describe('validateMappings on damaged mappings', () => {
  it.each(REPLACEMENTS.map((replacement) => [JSON.stringify(replacement), replacement]))(
    'never throws and locates every problem when any value becomes %s',
    (_name, replacement) => {
      const device = JSON.parse(SAMPLE_DEVICE_MAPPING) as Json;
      const fhir = JSON.parse(SAMPLE_FHIR_MAPPING) as Json;
      const variants = [
        ...withEachValueReplaced(device, replacement).map((d) => ({ deviceMapping: JSON.stringify(d, null, 1), fhirMapping: SAMPLE_FHIR_MAPPING })),
        ...withEachValueReplaced(fhir, replacement).map((f) => ({ deviceMapping: SAMPLE_DEVICE_MAPPING, fhirMapping: JSON.stringify(f, null, 1) })),
      ];
      expect(variants.length).toBeGreaterThan(150);
      for (const input of variants) {
        for (const problem of validateMappings({ ...input, resolutionType: 'Create' })) {
          expect(problem.line).toBeGreaterThanOrEqual(1);
          expect(problem.position).toBeGreaterThanOrEqual(1);
          expect(problem.path.startsWith('$')).toBe(true);
          expect(problem.message).not.toMatch(/undefined|\[object Object\]/);
        }
      }
    },
  );
});
