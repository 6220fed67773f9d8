/**
 * The esbuild settings both bundles share (the Action's committed
 * action/dist/index.js and the CLI's dist/bin/): one ES module per output for
 * Node 20, dependencies included, and the names CommonJS dependencies expect.
 */
import type { BuildOptions } from 'esbuild';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));

export const NODE_ESM_BUNDLE = {
  absWorkingDir: ROOT,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  legalComments: 'eof',
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
