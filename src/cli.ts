#!/usr/bin/env node
/**
 * The `postmortem` executable as ES modules: tsc's dist/cli.js, and its
 * bundle dist/bin/postmortem.js (scripts/bundle-cli.ts), split per command.
 * The package's `bin` is a CommonJS launcher in front of it,
 * dist/bin/postmortem.cjs: it runs a command from the command's own bundle
 * and code cache (io/command-bundle.ts), and comes here only for the rest
 * (help, `--version`, a mistyped name), which the command table of
 * cli/commands/lazy.ts serves, loading only what it needs.
 */
import { commandsFor } from './cli/commands/lazy.js';
import { runMain } from './cli/main.js';

runMain(commandsFor);
