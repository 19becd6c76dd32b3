// @ts-check
'use strict';
const { existsSync, readFileSync } = require('node:fs');
const { builtinModules } = require('node:module');
const { dirname, join, relative } = require('node:path');
const { workspaceFolders } = require('./workspace-deps');

/** Imports that survive compilation: not `import type` / `export type`, plus `require()` and `import()`. */
const VALUE_IMPORT = /(?:^|;|\n)\s*(?:import(?!\s+type\s)(?:[^'";]*?\sfrom)?|export(?!\s+type\s)[^'";]*?\sfrom)\s*['"]([^'"]+)['"]|(?:require|import)\(\s*['"]([^'"]+)['"]\s*\)/g;

/**
 * The package a bare specifier loads: `@azure/core-auth/x` -> `@azure/core-auth`; undefined for
 * relative paths, Node built-ins and workspace packages (compiled alongside).
 * @param {string} specifier
 */
function packageOf(specifier) {
  if (specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('node:')) return undefined;
  if (builtinModules.includes(specifier.split('/')[0] ?? '')) return undefined;
  const parts = specifier.split('/');
  const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
  return name === undefined || name.startsWith('@iomt/') ? undefined : name;
}

/**
 * The `.ts` file a specifier loads, or undefined for an external package. Workspace packages
 * resolve through their manifest (`main`, or an `exports` subpath), relative ones as `x.ts` or `x/index.ts`.
 * @param {string} root @param {string} fromFile absolute @param {string} specifier
 * @param {Map<string, string>} workspaces package name -> folder
 */
function resolveSource(root, fromFile, specifier, workspaces) {
  const workspace = /^(@iomt\/[a-z0-9-]+)(\/.*)?$/.exec(specifier);
  if (workspace) {
    const folder = workspaces.get(workspace[1] ?? '');
    if (folder === undefined) return undefined;
    const manifest = JSON.parse(readFileSync(join(root, folder, 'package.json'), 'utf8'));
    const target = workspace[2] ? manifest.exports?.[`.${workspace[2]}`] : manifest.main;
    return typeof target === 'string' ? join(root, folder, target) : undefined;
  }
  if (!specifier.startsWith('.')) return undefined;
  const base = join(dirname(fromFile), specifier);
  return [`${base}.ts`, join(base, 'index.ts')].find((candidate) => existsSync(candidate));
}

/**
 * Imports reachable from `entry` that an `npm ci --omit=dev` tree cannot resolve: the package has
 * no top-level production entry in the lockfile (a dev dependency, or one only hoisted in the full
 * install). Such an image would crash when it loads the file.
 * @param {string} root workspace root
 * @param {string} entry the process's entry file, relative to root
 * @returns {string[]} one `<file>: imports <package>, ...` message a problem
 */
function productionImportProblems(root, entry) {
  const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8'));
  const workspaces = workspaceFolders(root);
  const pending = [join(root, entry)];
  const seen = new Set(pending);
  /** @type {string[]} */
  const problems = [];
  while (pending.length > 0) {
    const file = /** @type {string} */ (pending.pop());
    for (const [, fromImport, fromCall] of readFileSync(file, 'utf8').matchAll(VALUE_IMPORT)) {
      const specifier = fromImport ?? fromCall ?? '';
      const source = resolveSource(root, file, specifier, workspaces);
      if (source !== undefined && !seen.has(source)) (seen.add(source), pending.push(source));
      const name = packageOf(specifier);
      const locked = name === undefined ? undefined : lock.packages[`node_modules/${name}`];
      if (name !== undefined && (locked === undefined || locked.dev === true)) {
        problems.push(`${relative(root, file)}: imports ${name}, which is not a production dependency (npm ci --omit=dev leaves it out)`);
      }
    }
  }
  return problems;
}

module.exports = { packageOf, productionImportProblems };
