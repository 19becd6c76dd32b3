import nx from '@nx/eslint-plugin';

/** Who may import whom: ARCHITECTURE.md "Layout". */
const depConstraints = [
  { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:domain', 'type:contracts', 'type:infra', 'type:runtime'] },
  { sourceTag: 'type:infra', onlyDependOnLibsWithTags: ['type:domain', 'type:contracts'] },
  { sourceTag: 'type:runtime', onlyDependOnLibsWithTags: ['type:domain', 'type:contracts'] },
  {
    sourceTag: 'type:contracts',
    onlyDependOnLibsWithTags: ['type:domain'],
    bannedExternalImports: ['@azure/*', '@nestjs/*'],
  },
  {
    sourceTag: 'type:domain',
    onlyDependOnLibsWithTags: [],
    bannedExternalImports: ['@azure/*', '@nestjs/*', 'rxjs', 'rhea'],
  },
  { sourceTag: 'type:local-stack', onlyDependOnLibsWithTags: ['*'] },
  // Apps are owned by different teams and never import each other.
  { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
  ...['gateway', 'operation-router', 'iomt-provisioner', 'fhir-provisioner', 'key-rotator', 'deploy'].map((app) => ({
    sourceTag: `scope:${app}`,
    onlyDependOnLibsWithTags: ['scope:shared'],
  })),
];

/** Tests may also use the local stack (real emulators and servers). */
const testDepConstraints = depConstraints.map((c) =>
  c.sourceTag === 'type:app' || c.sourceTag === 'type:infra'
    ? { ...c, onlyDependOnLibsWithTags: [...c.onlyDependOnLibsWithTags, 'type:local-stack'] }
    : c,
);

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  { ignores: ['**/dist', '**/node_modules', '**/coverage', '**/tmp', '**/*.js', '**/*.mjs', '**/*.cjs'] },
  {
    files: ['**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': ['error', { enforceBuildableLibDependency: true, allow: [], depConstraints }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.spec.ts', '**/test/**/*.ts', '**/bench/**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': ['error', { allow: [], depConstraints: testDepConstraints }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
];
