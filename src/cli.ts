#!/usr/bin/env node
/** The `postmortem` executable (`bin` in package.json, kept at dist/cli.js): runs the CLI on this process. */
import { runMain } from './cli/main.js';

runMain();
