#!/usr/bin/env node
// @ts-check
'use strict';
/**
 * Builds one deployable project of the workspace as plain JavaScript, for its container image:
 *
 *   node scripts/container-build/build-service.js <project folder> <out folder> [<entry file>]
 *   e.g. node scripts/container-build/build-service.js apps/gateway /tmp/dist/gateway
 *
 * The entry (default: the project's package.json `main`) is the file the process starts from;
 * every package reachable from it must be a production dependency, or the build fails naming the
 * import (an --omit=dev image would crash on it).
 *
 * The workspace runs TypeScript from source (workspace packages' `main` is `src/index.ts`). This
 * compiles the project and the workspace libraries it imports (transitively) with @swc/core into
 * the same layout under `out`, and writes the manifests so that, in `out`,
 * `npm ci --omit=dev --ignore-scripts && node <root>/node_modules/patch-package/index.js`
 * yields a runnable tree: `node <project>/src/main.js`.
 */
const { existsSync, readFileSync, rmSync } = require('node:fs');
const { join, resolve } = require('node:path');
const { compileProject } = require('./compile-project');
const { writeManifests } = require('./manifests');
const { productionImportProblems } = require('./production-imports');
const { runtimeWorkspaceFolders } = require('./workspace-deps');

const USAGE = 'usage: node scripts/container-build/build-service.js <project folder, e.g. apps/gateway> <out folder> [<entry file>]';

function main() {
  const [project, outArg, entryArg] = process.argv.slice(2);
  const root = resolve(__dirname, '../..');
  if (!project || !outArg) throw new Error(USAGE);
  if (!existsSync(resolve(root, project, 'src'))) throw new Error(`${project} has no src folder. ${USAGE}`);
  const entry = entryArg ?? join(project, JSON.parse(readFileSync(resolve(root, project, 'package.json'), 'utf8')).main);
  if (!existsSync(resolve(root, entry))) throw new Error(`entry ${entry} does not exist. ${USAGE}`);
  const importProblems = productionImportProblems(root, entry);
  if (importProblems.length > 0) throw new Error(`${entry} reaches imports a production image cannot load:\n  ${[...new Set(importProblems)].join('\n  ')}`);
  const out = resolve(outArg);
  rmSync(out, { recursive: true, force: true });
  const folders = runtimeWorkspaceFolders(root, project.replace(/\/+$/, ''));
  const counts = folders.map((folder) => `${folder} (${compileProject(root, folder, out)} files)`);
  const { patches } = writeManifests(root, out, folders);
  process.stdout.write(`compiled ${counts.join(', ')} into ${out}; production patches: ${patches.join(', ') || 'none'}\n`);
}

try {
  main();
} catch (error) {
  process.stderr.write(`build-service: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
