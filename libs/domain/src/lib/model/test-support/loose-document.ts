/**
 * A document that tests break on purpose (wrong types, removed fields), which no precise type
 * allows: the one place specs opt out of typing.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type LooseDocument = Record<string, any>;

/** A copy of `sample()` with `change` applied. */
export function variantOf(sample: () => object, change: (doc: LooseDocument) => void): LooseDocument {
  const doc = sample() as LooseDocument;
  change(doc);
  return doc;
}
