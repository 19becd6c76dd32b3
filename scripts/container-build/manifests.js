// @ts-check
'use strict';
const { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { workspaceFolders } = require('./workspace-deps');

/** @param {string} path */
const readJson = (path) => JSON.parse(readFileSync(path, 'utf8'));
/** @param {string} path @param {unknown} value */
const writeJson = (path, value) => writeFileSync(path, `${JSON.stringify(value, null, 2)}\n`);

/**
 * `main`, `types` and `exports` of a compiled workspace package point at `.js` files, because
 * at run time `node_modules/@iomt/*` symlinks resolve through these fields.
 * @param {Record<string, any>} manifest
 * @returns {Record<string, any>}
 */
function compiledManifest(manifest) {
  /** @param {unknown} value @returns {unknown} */
  const toJs = (value) =>
    typeof value === 'string'
      ? value.replace(/\.ts$/, '.js')
      : value && typeof value === 'object'
        ? Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, toJs(inner)]))
        : value;
  const { types: _types, ...rest } = manifest;
  return { ...rest, main: toJs(manifest.main), ...(manifest.exports ? { exports: toJs(manifest.exports) } : {}) };
}

/**
 * The package a patch-package file patches: `@vercel+cosmosdb-server+1.0.1.patch` -> `@vercel/cosmosdb-server`.
 * @param {string} file
 */
function patchedPackage(file) {
  const parts = file.replace(/\.patch$/, '').split('+');
  return parts.slice(0, -1).join('/');
}

/**
 * Copies the patches of production packages only: an `npm ci --omit=dev` tree lacks the dev
 * packages, and patch-package fails on a patch whose package is absent.
 * @param {string} root @param {string} out @param {Record<string, any>} lock
 * @returns {string[]} the patch files copied
 */
function copyProductionPatches(root, out, lock) {
  const dir = join(root, 'patches');
  if (!existsSync(dir)) return [];
  const kept = readdirSync(dir).filter((file) => {
    const entry = lock.packages[`node_modules/${patchedPackage(file)}`];
    return file.endsWith('.patch') && entry !== undefined && entry.dev !== true;
  });
  mkdirSync(join(out, 'patches'), { recursive: true });
  for (const file of kept) copyFileSync(join(dir, file), join(out, 'patches', file));
  return kept;
}

/**
 * Writes what `npm ci --omit=dev` needs in `out`: the lockfile, the root manifest without its
 * scripts (its `postinstall` runs patch-package, a dev dependency; the Dockerfile applies the
 * patches itself), every workspace manifest (the lockfile links them all), rewritten to `.js`
 * for the compiled ones, and the production patches.
 * @param {string} root workspace root
 * @param {string} out output root
 * @param {string[]} compiled workspace folders compiled into out
 * @returns {{ patches: string[] }}
 */
function writeManifests(root, out, compiled) {
  const lock = readJson(join(root, 'package-lock.json'));
  const { scripts: _scripts, ...rootManifest } = readJson(join(root, 'package.json'));
  mkdirSync(out, { recursive: true });
  writeJson(join(out, 'package.json'), rootManifest);
  copyFileSync(join(root, 'package-lock.json'), join(out, 'package-lock.json'));
  for (const folder of workspaceFolders(root).values()) {
    const manifest = readJson(join(root, folder, 'package.json'));
    mkdirSync(join(out, folder), { recursive: true });
    writeJson(join(out, folder, 'package.json'), compiled.includes(folder) ? compiledManifest(manifest) : manifest);
  }
  return { patches: copyProductionPatches(root, out, lock) };
}

module.exports = { compiledManifest, patchedPackage, writeManifests };
