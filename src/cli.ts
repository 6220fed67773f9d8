#!/usr/bin/env node
/**
 * The `postmortem` executable, as ES modules. Built, the package's `bin` is
 * dist/bin/postmortem.cjs (scripts/bundle-cli.ts): a CommonJS launcher that
 * runs a command from its own bundle and code cache (io/command-bundle.ts)
 * and comes here for the rest. Here the same check comes first, so
 * `node dist/bin/postmortem.js validate` takes the same route. Everything
 * else (help, `--version`, a mistyped name, and tsc's dist/cli.js, which has
 * no command bundles) goes through the command table of cli/commands/lazy.ts,
 * which loads only what the command needs.
 */
import { fileURLToPath } from 'node:url';
import { runFromCommandBundle } from './io/command-bundle.js';

if (!runFromCommandBundle(fileURLToPath(new URL('.', import.meta.url)), process.argv[2])) {
  const [{ runMain }, { commandsFor }] = await Promise.all([import('./cli/main.js'), import('./cli/commands/lazy.js')]);
  runMain(commandsFor);
}
