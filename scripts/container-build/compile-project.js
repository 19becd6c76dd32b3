// @ts-check
'use strict';
const { copyFileSync, mkdirSync, writeFileSync } = require('node:fs');
const { basename, dirname, join } = require('node:path');
const { transformFileSync } = require('@swc/core');
const { isProductionSource, listFiles } = require('./workspace-deps');

/**
 * The same SWC settings as `jest.preset.js`: legacy decorators with emitted metadata (NestJS
 * dependency injection reads `design:paramtypes`), class names kept, CommonJS like `module: node16`
 * emits for packages without `"type": "module"`.
 * @type {import('@swc/core').Options}
 */
const SWC_OPTIONS = {
  swcrc: false,
  configFile: false,
  jsc: {
    target: 'es2022',
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    keepClassNames: true,
  },
  module: { type: 'commonjs' },
  sourceMaps: true,
};

/**
 * Compiles `<root>/<folder>/src` into `<out>/<folder>/src`: production `.ts` sources become `.js`
 * with source maps; other files (JSON templates, READMEs) are copied; specs and declarations are left out.
 * @param {string} root workspace root
 * @param {string} folder project folder relative to root
 * @param {string} out output root
 * @returns {number} how many files were compiled
 */
function compileProject(root, folder, out) {
  const src = join(root, folder, 'src');
  let compiled = 0;
  for (const file of listFiles(src)) {
    const target = join(out, folder, 'src', file);
    mkdirSync(dirname(target), { recursive: true });
    if (isProductionSource(file)) {
      const js = target.replace(/\.ts$/, '.js');
      const { code, map } = transformFileSync(join(src, file), { ...SWC_OPTIONS, sourceFileName: basename(file) });
      writeFileSync(js, `${code}\n//# sourceMappingURL=${js.split('/').pop()}.map\n`);
      if (map) writeFileSync(`${js}.map`, map);
      compiled += 1;
    } else if (!file.endsWith('.ts')) {
      copyFileSync(join(src, file), target);
    }
  }
  return compiled;
}

module.exports = { SWC_OPTIONS, compileProject };
