/**
 * The command table, in the order help lists them. One line per command keeps
 * adding a command a one-line change here.
 */
import type { CommandSpec } from '../command.js';
import { buildCommand } from './build.js';
import { initCommand } from './init.js';
import { lintCommand } from './lint.js';
import { newCommand } from './new.js';
import { reportCommand } from './report.js';
import { showCommand } from './show.js';
import { syncCommand } from './sync.js';
import { validateCommand } from './validate.js';

export const COMMANDS: readonly CommandSpec[] = [
  newCommand,
  validateCommand,
  showCommand,
  buildCommand,
  lintCommand,
  syncCommand,
  initCommand,
  reportCommand,
];
