// js-yaml 4 is in node_modules through eslint (@eslint/eslintrc) but ships no types and
// @types/js-yaml is not installed; this declares the one function the container tests use.
declare module 'js-yaml' {
  /** Parses one YAML document (anchors and `<<` merge keys resolved). */
  export function load(text: string, options?: { filename?: string }): unknown;
}
