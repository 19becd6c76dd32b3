import { z } from 'zod';
import { dropNullProperties, toPlainJson } from '../validation/json';
import { toValidationError, ValidationProblem } from '../validation/validation-problem';
import { parseOrThrow, problemsOf } from '../validation/zod-validation';

/** What a document holds beyond its entity: fields derived from the entity on every write. */
export interface DerivedFields {
  readonly partitionKey: string;
  readonly [key: string]: unknown;
}

/** An entity with its derived fields; distributes over unions so each member keeps its own fields. */
export type WithDerivedFields<E, X> = E extends unknown ? Omit<E, keyof X> & X : never;

/**
 * Converts one kind of entity to and from its stored JSON document.
 *
 * Entities use the stored JSON property names (the seed's, including its odd casings) so a
 * query, a log line and the code all say the same thing. Documents add the derived fields
 * (`partitionKey`, `searchIndex`, ...), recomputed on every write and dropped on read.
 */
export interface DocumentCodec<E, D> {
  /** Names the entity in error messages, e.g. `The IoMT connector`. */
  readonly subject: string;
  /** Every problem of a value (empty when it is a valid entity). */
  validate(value: unknown): ValidationProblem[];
  /** The normalised entity (defaults filled in, aliases canonicalised), or a `ValidationError`. */
  parse(value: unknown): E;
  /** The JSON document to store; throws a `ValidationError` rather than write an invalid one. */
  toDocument(entity: E): D;
  /** The entity of a stored document (null-valued properties are read as absent). */
  fromDocument(json: unknown): E;
}

/** Builds a {@link DocumentCodec} from the entity schema and the derivation of its extra fields. */
export function documentCodec<S extends z.ZodType<object>, X extends DerivedFields>(options: {
  readonly subject: string;
  readonly schema: S;
  readonly derive: (entity: z.output<S>) => X;
}): DocumentCodec<z.output<S>, WithDerivedFields<z.output<S>, X>> {
  const { subject, schema, derive } = options;
  const parse = (value: unknown): z.output<S> => parseOrThrow(schema, value, subject);
  return {
    subject,
    validate: (value) => problemsOf(schema, value),
    parse,
    toDocument: (entity) => {
      const valid = parse(entity);
      return toPlainJson({ ...valid, ...derive(valid) }) as WithDerivedFields<z.output<S>, X>;
    },
    fromDocument: (json) => {
      const cleaned = dropNullProperties(json);
      const entity = parse(cleaned);
      const stored = (cleaned as { partitionKey?: unknown }).partitionKey;
      const expected = derive(entity).partitionKey;
      if (stored !== undefined && stored !== expected) {
        throw toValidationError(subject, [{ path: 'partitionKey', message: `must be ${JSON.stringify(expected)}` }]);
      }
      return entity;
    },
  };
}
