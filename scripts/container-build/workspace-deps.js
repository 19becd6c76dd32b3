// @ts-check
'use strict';
const { readdirSync, readFileSync, statSync } = require('node:fs');
const { join, relative } = require('node:path');

/** Workspace package names look like `@iomt/<folder>`; subpaths (`@iomt/service-kit/testing`) count too. */
const WORKSPACE_IMPORT = /(?:from\s+|require\(\s*|import\(\s*)['"](@iomt\/[a-z0-9-]+)(?:\/[^'"]*)?['"]/g;

/**
 * True for the files a production build compiles: TypeScript sources, not declarations,
 * not specs and not test helpers named `*.test-*.ts` / `*.test-helpers.ts`.
 * @param {string} file
 */
function isProductionSource(file) {
  return file.endsWith('.ts') && !file.endsWith('.d.ts') && !/\.(spec|e2e-spec|test-[a-z-]+|test-support)\.ts$/.test(file);
}

/**
 * Every file under `dir`, relative to it, depth first, sorted for reproducible output.
 * @param {string} dir
 * @returns {string[]}
 */
function listFiles(dir) {
  /** @type {string[]} */
  const files = [];
  for (const entry of readdirSync(dir).sort()) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) files.push(...listFiles(path).map((file) => join(entry, file)));
    else files.push(entry);
  }
  return files;
}

/**
 * Maps each workspace package name (`@iomt/domain`) to its folder relative to the root (`libs/domain`).
 * @param {string} root workspace root
 * @returns {Map<string, string>}
 */
function workspaceFolders(root) {
  const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8'));
  /** @type {Map<string, string>} */
  const folders = new Map();
  for (const [path, entry] of Object.entries(lock.packages)) {
    if (entry.link && path.startsWith('node_modules/@iomt/')) folders.set(path.slice('node_modules/'.length), entry.resolved);
  }
  return folders;
}

/**
 * The workspace folders a project needs at run time: itself plus every workspace package its
 * production sources import, transitively. Throws on an import of an unknown workspace package.
 * @param {string} root workspace root
 * @param {string} project folder of the project, relative to root (`apps/gateway`)
 * @returns {string[]} folders relative to root, the project first
 */
function runtimeWorkspaceFolders(root, project) {
  const folders = workspaceFolders(root);
  const needed = [project];
  for (let i = 0; i < needed.length; i += 1) {
    const src = join(root, needed[i], 'src');
    for (const file of listFiles(src).filter(isProductionSource)) {
      const text = readFileSync(join(src, file), 'utf8');
      for (const [, name] of text.matchAll(WORKSPACE_IMPORT)) {
        const folder = folders.get(name);
        if (folder === undefined) throw new Error(`${relative(root, join(src, file))} imports ${name}, which is not a workspace package`);
        if (!needed.includes(folder)) needed.push(folder);
      }
    }
  }
  return needed;
}

module.exports = { isProductionSource, listFiles, runtimeWorkspaceFolders, workspaceFolders };
