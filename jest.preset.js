/**
 * Shared Jest settings: TypeScript through SWC with legacy decorators and emitted
 * decorator metadata, which NestJS dependency injection needs.
 */
const swcOptions = {
  jsc: {
    target: 'es2022',
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    keepClassNames: true,
  },
  module: { type: 'commonjs' },
  sourceMaps: 'inline',
};

/** Builds a project's Jest config from its root directory and display name. */
function jestProject(rootDir, displayName, overrides = {}) {
  return {
    displayName,
    rootDir,
    testEnvironment: 'node',
    testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
    transform: { '^.+\\.(t|j)s$': ['@swc/jest', swcOptions] },
    moduleFileExtensions: ['ts', 'js', 'json'],
    setupFiles: [require.resolve('reflect-metadata')],
    passWithNoTests: true,
    ...overrides,
  };
}

module.exports = { jestProject, swcOptions };
