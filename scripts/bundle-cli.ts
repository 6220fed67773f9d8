/**
 * Builds the CLI that `bin` runs, dist/bin/postmortem.js: src/cli.ts and
 * everything it imports as ES modules, split at each command's dynamic
 * import (cli/commands/lazy.ts), so `postmortem validate` loads the validate
 * chunk and the code it shares, and nothing of sync, build or lint. One file
 * per chunk instead of ~300 modules from src/ and node_modules/ is most of
 * the start-up saved (yaml alone: 45 ms as 80 files, 15 ms as one).
 *
 * Every chunk sits two folders below the package root, as the modules of
 * dist/io/ do, so the paths they resolve from import.meta.url (templates/,
 * package.json) hold in both. Not committed: `npm run build` (and so
 * `prepare`) writes it after tsc.
 *
 * @example
 * npm run build   # tsc, then this script
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type BuildOptions, type Metafile } from 'esbuild';
import { NODE_ESM_BUNDLE, ROOT } from './esbuild-options.js';

export const CLI_BUNDLE_DIR = path.join(ROOT, 'dist', 'bin');

const CLI_BUNDLE = {
  ...NODE_ESM_BUNDLE,
  // The file pool's worker (src/io/file-pool.ts) starts dist/bin/file-worker.js beside the chunk that spawns it.
  entryPoints: { postmortem: 'src/cli.ts', 'file-worker': 'src/io/file-worker.ts' },
  outdir: CLI_BUNDLE_DIR,
  splitting: true,
  chunkNames: 'chunk-[hash]',
  metafile: true,
} satisfies BuildOptions;

/** Writes dist/bin/ afresh (old chunks would linger under other hashes). */
export async function bundleCli(): Promise<string[]> {
  await rm(CLI_BUNDLE_DIR, { recursive: true, force: true });
  const result = await build(CLI_BUNDLE);
  return Object.keys(result.metafile.outputs);
}

let analysed: Promise<Metafile> | undefined;

/**
 * The source files a command's chunk loads before the command runs: its
 * chunk and every chunk it imports statically, as the bundle is written
 * (`node_modules/yaml/dist/…`, `src/load/parse.ts`). Dynamic imports
 * (another command, an optional step) are left out.
 *
 * @example
 * (await startupInputs('src/cli/commands/validate.ts')).some((file) => file.includes('@sinclair/typebox')) // → false
 */
export async function startupInputs(entry: string): Promise<string[]> {
  analysed ??= build({ ...CLI_BUNDLE, write: false }).then((result) => result.metafile);
  const { outputs } = await analysed;
  const seen = new Set<string>();
  const stack = Object.keys(outputs).filter((file) => outputs[file]!.entryPoint === entry);
  while (stack.length > 0) {
    const file = stack.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const imported of outputs[file]!.imports) if (imported.kind === 'import-statement' && outputs[imported.path]) stack.push(imported.path);
  }
  return [...seen].flatMap((file) => Object.keys(outputs[file]!.inputs)).sort();
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outputs = await bundleCli();
  process.stdout.write(`wrote ${path.relative(ROOT, CLI_BUNDLE_DIR)}/ (${outputs.length} files)\n`);
}
