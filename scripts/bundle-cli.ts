/**
 * Builds the CLI that `bin` runs, into dist/bin/:
 *
 * - `postmortem.cjs`, the `bin`: a launcher of a few lines. It runs the
 *   command's own bundle when there is one, and otherwise (help,
 *   `--version`, a mistyped name) imports postmortem.js.
 * - `<command>.cjs` for every command: that command and everything it
 *   reaches in one self-contained CommonJS file, run with V8's code cache
 *   beside it in `<command>.cjs.cache` (io/command-bundle.ts).
 * - `postmortem.js`: src/cli.ts and what it imports, as ES modules split at
 *   each dynamic import (the layout before the command bundles). It serves
 *   help, `--version` and mistyped names through the lazy command table
 *   (cli/commands/lazy.ts), and still runs any command itself when started
 *   directly, without the code caches.
 *
 * Measured on `validate` of one file, CPU time over bare `node`: 62 shared
 * chunks, about 100 ms; one ES module per command, 75 ms; the same as
 * CommonJS run from its code cache, 37 ms, and with a CommonJS launcher in
 * front of it, which spares Node's ESM loader, about 10 ms less again. Each
 * loaded module costs Node's ESM loader a few ms. Parsing a bundle and
 * compiling each function at its first call is most of the rest, and the
 * cache saves that.
 *
 * The cache is written by a warm-up run of each command on a copy of the
 * example incidents (WARM_UP), so it holds the functions a real run calls.
 *
 * Every output sits two folders below the package root, as the modules of
 * dist/io/ do, so the paths they resolve from import.meta.url (templates/,
 * package.json) hold in all of them. Not committed: `npm run build` (and so
 * `prepare`) writes it after tsc.
 *
 * @example
 * npm run build   # tsc, then this script
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmod, cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type BuildOptions, type Metafile } from 'esbuild';
import { COMMAND_LOADERS } from '../src/cli/commands/lazy.js';
import { NODE_ESM_BUNDLE, ROOT } from './esbuild-options.js';

export const CLI_BUNDLE_DIR = path.join(ROOT, 'dist', 'bin');

/**
 * The build's identity for the check cache (src/io/build-identity.ts): a digest of everything a
 * check's result depends on in the tool itself, its sources and its dependencies' locked versions.
 */
export async function buildIdentity(): Promise<string> {
  const hash = createHash('sha256');
  const sources = (await readdir(path.join(ROOT, 'src'), { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(ROOT, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
  for (const file of ['package.json', 'package-lock.json', ...sources])
    hash
      .update(`${file}\0`)
      .update(await readFile(path.join(ROOT, file)))
      .update('\0');
  return hash.digest('hex').slice(0, 32);
}

/** The `define` that embeds the identity (empty for the metafile-only builds of startupInputs: no cache there). */
const identityDefine = (identity: string | null): Record<string, string> => (identity ? { __POSTMORTEM_BUILD__: JSON.stringify(identity) } : {});

const CLI_BUNDLE = {
  ...NODE_ESM_BUNDLE,
  // The file pool's worker (src/io/file-pool.ts) starts dist/bin/file-worker.js beside the chunk that spawns it.
  entryPoints: { postmortem: 'src/cli.ts', 'file-worker': 'src/io/file-worker.ts' },
  outdir: CLI_BUNDLE_DIR,
  splitting: true,
  chunkNames: 'chunk-[hash]',
  metafile: true,
} satisfies BuildOptions;

/**
 * The bundle of one command: an entry that runs main.ts with that command
 * alone. The bundle is CommonJS, which has no import.meta, so its `url`,
 * `dirname` and `filename` are this file's own, as for an ES module (and any
 * other use fails the build, see bundleCli).
 */
function commandBundle(name: string, identity: string | null = null) {
  return {
    ...NODE_ESM_BUNDLE,
    format: 'cjs',
    banner: { js: "const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
    define: { ...identityDefine(identity), 'import.meta.url': '__importMetaUrl', 'import.meta.dirname': '__dirname', 'import.meta.filename': '__filename' },
    stdin: {
      contents: [
        "import { runMain } from './src/cli/main.js';",
        `import { ${name}Command } from './src/cli/commands/${name}.js';`,
        `runMain(async () => [${name}Command]);`,
      ].join('\n'),
      resolveDir: ROOT,
      sourcefile: `${name}-command-entry.ts`,
      loader: 'ts',
    },
    outfile: path.join(CLI_BUNDLE_DIR, `${name}.cjs`),
    metafile: true,
  } satisfies BuildOptions;
}

/** The `bin`: CommonJS, so a command's start does not wait for Node's ESM loader. */
const LAUNCHER = {
  ...NODE_ESM_BUNDLE,
  format: 'cjs',
  banner: { js: '#!/usr/bin/env node' },
  stdin: {
    contents: [
      "import { commandBundle, runCommandBundle } from './src/io/command-bundle.js';",
      'const bundle = commandBundle(__dirname, process.argv[2]);',
      "if (bundle) process.once('exit', runCommandBundle(bundle));",
      "else import('./postmortem.js');",
    ].join('\n'),
    resolveDir: ROOT,
    sourcefile: 'launcher-entry.ts',
    loader: 'ts',
  },
  external: ['./postmortem.js'],
  outfile: path.join(CLI_BUNDLE_DIR, 'postmortem.cjs'),
  metafile: true,
} satisfies BuildOptions;

const COMMAND_NAMES = Object.keys(COMMAND_LOADERS);

const WARM_UP_DRAFT = 'draft.md';

/**
 * The run that fills each command's code cache, in a copy of postmortems/
 * (build and report write there). A command with nothing safe to do on the
 * examples warms up on `--help`, which still runs every module's top level.
 */
const WARM_UP: Readonly<Record<string, readonly string[]>> = {
  validate: ['validate'],
  // A Markdown draft too: lint reads Markdown through code the incidents never reach.
  lint: ['lint', 'postmortems', WARM_UP_DRAFT],
  show: ['show', 'postmortems/2024-03-09-eu-network-partition.yaml'],
  build: ['build'],
  report: ['report', '--now', '2025-07-01'],
  new: ['new', 'Warm-up run of the code cache', '--date', '2024-01-01', '--severity', 'SEV3'],
};

/** Writes dist/bin/ afresh (old chunks would linger under other hashes), then fills the code caches. */
export async function bundleCli(): Promise<string[]> {
  await rm(CLI_BUNDLE_DIR, { recursive: true, force: true });
  const identity = await buildIdentity();
  const results = await Promise.all([
    build({ ...CLI_BUNDLE, define: identityDefine(identity) }),
    build(LAUNCHER),
    ...COMMAND_NAMES.map((name) => build(commandBundle(name, identity))),
  ]);
  // Any other use of import.meta would be an empty object in a CommonJS bundle: refuse to build rather than ship that.
  const emptied = results.flatMap((result) => result.warnings).filter((warning) => warning.text.includes('"import.meta" is not available'));
  if (emptied.length > 0) throw new Error(`import.meta in a command bundle: ${emptied.map((w) => `${w.location?.file}:${w.location?.line}`).join(', ')}`);
  // esbuild marks only a file whose source starts with `#!` executable; the launcher's comes from the banner.
  await chmod(LAUNCHER.outfile, 0o755);
  await warmUp();
  return results.flatMap((result) => Object.keys(result.metafile.outputs));
}

async function warmUp(): Promise<void> {
  const dir = await mkdtemp(path.join(tmpdir(), 'postmortem-warm-up-'));
  try {
    await cp(path.join(ROOT, 'postmortems'), path.join(dir, 'postmortems'), { recursive: true });
    await writeFile(
      path.join(dir, WARM_UP_DRAFT),
      '# Checkout errors\n\n## Timeline\n\n- 10:02 The deploy raised the error rate to 4%.\n- 10:09 The on-call engineer rolled it back.\n\n| Time | Event |\n| --- | --- |\n| 10:02 | Deploy |\n',
    );
    for (const name of COMMAND_NAMES) {
      const args = WARM_UP[name] ?? [name, '--help'];
      const run = spawnSync(process.execPath, [LAUNCHER.outfile, ...args], { cwd: dir, encoding: 'utf8' });
      // A failing warm-up means a broken bundle: better a failed build than a CLI that fails later.
      if (run.status !== 0) throw new Error(`warm-up \`postmortem ${args.join(' ')}\` exited ${run.status}: ${run.stderr}`);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const analysed = new Map<string, Promise<Metafile>>();
const metafileOf = (key: string, options: BuildOptions & { metafile: true }) => {
  if (!analysed.has(key))
    analysed.set(
      key,
      build({ ...options, write: false }).then((result) => result.metafile),
    );
  return analysed.get(key)!;
};

/**
 * The source files a command runs before it starts its work: for
 * `src/cli/commands/<name>.ts`, what its bundle's entry reaches through static
 * imports and requires. The bundle holds its dynamic imports too (another
 * step, loaded when reached), but those modules only run when they are
 * reached. For `src/cli.ts`, what the entry chunk of postmortem.js and the
 * chunks it imports hold. Paths look like `node_modules/yaml/dist/…` and
 * `src/load/parse.ts`.
 *
 * @example
 * (await startupInputs('src/cli/commands/validate.ts')).some((file) => file.includes('@sinclair/typebox')) // → false
 */
export async function startupInputs(entry: string): Promise<string[]> {
  const command = /^src\/cli\/commands\/([a-z]+)\.ts$/.exec(entry)?.[1];
  return command ? commandStartupInputs(command) : entryChunkInputs(entry);
}

async function commandStartupInputs(name: string): Promise<string[]> {
  const { inputs } = await metafileOf(name, commandBundle(name));
  const seen = new Set<string>();
  const stack = Object.keys(inputs).filter((file) => file.endsWith(`${name}-command-entry.ts`));
  while (stack.length > 0) {
    const file = stack.pop()!;
    if (seen.has(file) || !inputs[file]) continue;
    seen.add(file);
    for (const imported of inputs[file].imports) if (imported.kind !== 'dynamic-import' && !imported.external) stack.push(imported.path);
  }
  return [...seen].filter((file) => !file.endsWith('-command-entry.ts')).sort();
}

async function entryChunkInputs(entry: string): Promise<string[]> {
  const { outputs } = await metafileOf('', CLI_BUNDLE);
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

/** The bundles' files, for the summary line. */
async function countOutputs(): Promise<number> {
  return (await readdir(CLI_BUNDLE_DIR)).length;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await bundleCli();
  process.stdout.write(`wrote ${path.relative(ROOT, CLI_BUNDLE_DIR)}/ (${await countOutputs()} files, code caches included)\n`);
}
