/**
 * The esbuild settings both bundles share (the Action's committed
 * action/dist/index.js and the CLI's dist/bin/): one ES module per output for
 * Node 20, dependencies included, and the names CommonJS dependencies expect.
 */
import type { BuildOptions, Plugin } from 'esbuild';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

/**
 * yaml's parser reads `process.env.LOG_TOKENS` for every token it lexes and
 * its composer `process.env.LOG_STREAM` for every node (debug switches of
 * its own). Each read crosses into the C++ environment store: 130 ms of a
 * 1.18 s report of 1,000 incidents, in `next` alone. The bundles fix both
 * switches off, as a constant the minifier-free output still folds.
 */
const yamlDebugSwitchesOff: Plugin = {
  name: 'yaml-debug-switches-off',
  setup(build) {
    build.onLoad({ filter: /[\\/]node_modules[\\/]yaml[\\/]dist[\\/](parse[\\/]parser|compose[\\/]composer)\.js$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      const fixed = source.replace(/node_process\.env\.LOG_(TOKENS|STREAM)/g, 'false');
      if (fixed === source) throw new Error(`${args.path}: yaml's LOG_TOKENS / LOG_STREAM switch moved; update scripts/esbuild-options.ts`);
      return { contents: fixed, loader: 'js' };
    });
  },
};

export const ROOT = fileURLToPath(new URL('..', import.meta.url));

export const NODE_ESM_BUNDLE = {
  absWorkingDir: ROOT,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  legalComments: 'eof',
  plugins: [yamlDebugSwitchesOff],
  logLevel: 'silent',
  // CommonJS dependencies call require() for Node's built-ins and read __filename (write-file-atomic
  // names its temp files with it); an ES module has neither, so the banner defines them.
  banner: {
    js: [
      "import { createRequire as __createRequire } from 'node:module';",
      "import { fileURLToPath as __fileURLToPath } from 'node:url';",
      "import { dirname as __pathDirname } from 'node:path';",
      'const require = __createRequire(import.meta.url);',
      'const __filename = __fileURLToPath(import.meta.url);',
      'const __dirname = __pathDirname(__filename);',
    ].join('\n'),
  },
} satisfies BuildOptions;
