export * from './validation-problem';
export * from './zod-validation';
export * from './cross-field-rule';
export * from './enum-schemas';
export * from './rules';
export * from './json';
