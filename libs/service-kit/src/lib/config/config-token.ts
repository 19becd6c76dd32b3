declare const configType: unique symbol;

/**
 * A DI token for a validated configuration object. The phantom type ties the token to the
 * schema's output, so `bootstrapService` rejects a token that does not match its schema.
 */
export type ConfigToken<T> = symbol & { readonly [configType]?: T };

/** Creates a typed configuration token; inject it with `@Inject(token)`. */
export function createConfigToken<T>(description: string): ConfigToken<T> {
  return Symbol(description) as ConfigToken<T>;
}
