/**
 * The command table, in the order help lists them. One line per command keeps
 * adding a command a one-line change here.
 */
import type { CommandSpec } from '../command.js';
import { lintCommand } from './lint.js';
import { validateCommand } from './validate.js';

export const COMMANDS: readonly CommandSpec[] = [
  validateCommand,
  lintCommand,
];
