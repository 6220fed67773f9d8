/**
 * Builds the Action's bundle, action/dist/index.js: src/action/index.ts and
 * everything it imports in one ES module, so a runner needs no `npm install`.
 * The bundle is committed; `npm run bundle -- --check` (and a test) fails
 * when it differs from what the sources build to.
 *
 * @example
 * npm run bundle            # rewrite action/dist/index.js
 * npm run bundle -- --check # exit 1 when the committed bundle is stale
 */
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { NODE_ESM_BUNDLE, ROOT } from './esbuild-options.js';

export { ROOT };
export const BUNDLE = path.join(ROOT, 'action', 'dist', 'index.js');

/** The bundle's text as the current sources build it. */
export async function buildActionBundle(): Promise<string> {
  const result = await build({
    ...NODE_ESM_BUNDLE,
    entryPoints: ['src/action/index.ts'],
    write: false,
    outfile: BUNDLE,
  });
  const output = result.outputFiles.find((file) => file.path === BUNDLE);
  if (!output) throw new Error('esbuild produced no bundle');
  return output.text;
}

async function run(check: boolean): Promise<number> {
  const fresh = await buildActionBundle();
  const committed = await readFile(BUNDLE, 'utf8').catch(() => null);
  if (check) {
    if (committed === fresh) return 0;
    process.stderr.write(`${path.relative(ROOT, BUNDLE)} is ${committed === null ? 'missing' : 'out of date'}: run \`npm run bundle\` and commit it.\n`);
    return 1;
  }
  await mkdir(path.dirname(BUNDLE), { recursive: true });
  if (committed !== fresh) await writeFile(BUNDLE, fresh);
  process.stdout.write(`${committed === fresh ? 'unchanged' : 'wrote'} ${path.relative(ROOT, BUNDLE)} (${Math.round(fresh.length / 1024)} KiB)\n`);
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await run(process.argv.includes('--check'));
}
