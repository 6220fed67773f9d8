#!/usr/bin/env node
/**
 * The `postmortem` executable: runs the CLI on this process. `bin` in
 * package.json is its bundle, dist/bin/postmortem.js (scripts/bundle-cli.ts:
 * one chunk per command, loaded on demand); tsc's dist/cli.js runs the same
 * code unbundled.
 */
import { runMain } from './cli/main.js';

runMain();
