/**
 * Start-up that loads only what the command needs: `postmortem lint` imports
 * the lint command's module and nothing of sync (octokit), build or show
 * (Handlebars), which the full table in index.ts would pull in. Help, an
 * unknown command and no command at all still get the full table. A test
 * keeps this list and index.ts in step.
 *
 * @example
 * await runCli(argv, io, await commandsFor(argv[0]));
 */
import type { CommandSpec } from '../command.js';

/** One loader per command name. */
export const COMMAND_LOADERS: Readonly<Record<string, () => Promise<CommandSpec>>> = {
  new: async () => (await import('./new.js')).newCommand,
  validate: async () => (await import('./validate.js')).validateCommand,
  show: async () => (await import('./show.js')).showCommand,
  build: async () => (await import('./build.js')).buildCommand,
  lint: async () => (await import('./lint.js')).lintCommand,
  sync: async () => (await import('./sync.js')).syncCommand,
  init: async () => (await import('./init.js')).initCommand,
  report: async () => (await import('./report.js')).reportCommand,
  timeline: async () => (await import('./timeline.js')).timelineCommand,
  import: async () => (await import('./import.js')).importCommand,
};

/** Arguments runCli answers before it looks at any command, so they load none. */
const NO_TABLE_NEEDED: ReadonlySet<string> = new Set(['--version', '-v']);

/** The command table for this invocation: none for `--version`, just the named command when it exists, else every command. */
export async function commandsFor(name: string | undefined): Promise<readonly CommandSpec[]> {
  if (name !== undefined && NO_TABLE_NEEDED.has(name)) return [];
  const load = name !== undefined && Object.hasOwn(COMMAND_LOADERS, name) ? COMMAND_LOADERS[name] : undefined;
  return load ? [await load()] : (await import('./index.js')).COMMANDS;
}
