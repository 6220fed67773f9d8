#!/usr/bin/env node
/**
 * The `postmortem` executable. `bin` in package.json is its bundle,
 * dist/bin/postmortem.js (scripts/bundle-cli.ts), and beside it each command
 * has a bundle of its own (dist/bin/<command>.cjs) with a code cache: a
 * command runs from that, which is the fastest start (io/command-bundle.ts).
 * Everything else (help, `--version`, a mistyped name, and tsc's dist/cli.js,
 * which has no command bundles) goes through the command table of
 * cli/commands/lazy.ts, which loads only what the command needs.
 */
import { fileURLToPath } from 'node:url';
import { commandBundle, runCommandBundle } from './io/command-bundle.js';

const bundle = commandBundle(fileURLToPath(new URL('.', import.meta.url)), process.argv[2]);
if (bundle) {
  process.once('exit', runCommandBundle(bundle));
} else {
  const [{ runMain }, { commandsFor }] = await Promise.all([import('./cli/main.js'), import('./cli/commands/lazy.js')]);
  runMain(commandsFor);
}
