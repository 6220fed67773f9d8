/**
 * One CLI invocation: picks the subcommand, runs it with the streams it is
 * given, and turns any unexpected failure into one line and exit code 2
 * rather than a stack trace. `src/cli.ts` calls it with the process's streams.
 */
import { readPackageVersion } from '../io/package-info.js';
import { UsageError, type CommandIO, type CommandSpec, type ExitCode } from './command.js';
import { closest } from '../diagnostics/suggest.js';
import { showControlChars } from '../diagnostics/printable.js';

export function helpText(commands: readonly CommandSpec[]): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  const lines = [
    'postmortem: blameless post-mortems as code',
    '',
    'Usage: postmortem <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run `postmortem <command> --help` (or `postmortem help <command>`) for the options of one command;',
    '`postmortem --version` prints the version.',
  ];
  return `${lines.join('\n')}\n`;
}

export function commandHelp(command: CommandSpec): string {
  const width = Math.max(0, ...command.options.map(([flag]) => flag.length));
  const lines = [`Usage: postmortem ${command.name} ${command.usage}`.trimEnd(), '', command.summary];
  if (command.options.length > 0) {
    lines.push('', 'Options:', ...command.options.map(([flag, text]) => `  ${flag.padEnd(width)}  ${text}`));
  }
  const environment = command.environment ?? [];
  if (environment.length > 0) {
    const nameWidth = Math.max(...environment.map(([name]) => name.length));
    lines.push('', 'Environment:', ...environment.map(([name, text]) => `  ${name.padEnd(nameWidth)}  ${text}`));
  }
  return `${lines.join('\n')}\n`;
}

/** Runs one CLI invocation; exported so tests can call it in-process. */
export async function runCli(argv: string[], io: CommandIO, given?: readonly CommandSpec[]): Promise<ExitCode> {
  // The whole table (every command's module) only when no narrower one is given: see commands/lazy.ts.
  return runCommands(argv, io, given ?? (await import('./commands/index.js')).COMMANDS);
}

/**
 * runCli with the table given: what main.ts calls, so a command's own bundle
 * (which leaves runCli out) does not carry the full table.
 */
export async function runCommands(argv: string[], io: CommandIO, commands: readonly CommandSpec[]): Promise<ExitCode> {
  const [name, ...rest] = argv;
  // `postmortem help validate` is `postmortem validate --help`.
  if (name === 'help' && rest[0] !== undefined) return runCommands([rest[0], '--help'], io, commands);
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(helpText(commands));
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-v' || name === '-V') {
    io.stdout(`${await readPackageVersion()}\n`);
    return 0;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    const names = commands.map((c) => c.name);
    const guess = closest(name, names);
    // The name is whatever was typed (or pasted): shown with control characters escaped.
    const hint = guess === null ? '' : ` Did you mean \`${guess}\`?`;
    io.stderr(`postmortem: unknown command \`${showControlChars(name)}\`.${hint} Commands: ${names.join(', ')}\n`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(commandHelp(command));
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError || isParseArgsError(error)) {
      const message = error instanceof UsageError ? error.message : parseArgsMessage(error as Error & { code: string }, command);
      io.stderr(`postmortem ${name}: ${message}\nRun \`postmortem ${name} --help\` for usage.\n`);
      return 2;
    }
    // Unexpected: one readable line, never a stack trace (set DEBUG=postmortem for one).
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`postmortem ${name}: internal error: ${message}\n`);
    if (io.env.DEBUG?.includes('postmortem') && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`);
    return 2;
  }
}

/**
 * node:util's parseArgs messages speak of `<value>` and positional arguments;
 * this says the same in the words of the help text, with a "did you mean".
 */
function parseArgsMessage(error: Error & { code: string }, command: CommandSpec): string {
  const quoted = /'([^']*)'/.exec(error.message)?.[1] ?? '';
  const flags = command.options.map(([flag]) => /^--[\w-]+/.exec(flag)?.[0]).filter((flag) => flag !== undefined);
  if (error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const guess = closest(quoted, [...flags, '--help']);
    const known = flags.length > 0 ? `the options of \`${command.name}\` are ${flags.join(', ')}` : `\`${command.name}\` takes no options`;
    return `unknown option \`${quoted}\`${guess ? `; did you mean \`${guess}\`?` : ''} (${known})`;
  }
  if (error.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const flag = quoted.split(' ')[0] ?? quoted;
    const usage = command.options.find(([text]) => text.startsWith(`${flag} `))?.[0];
    return usage ? `option \`${flag}\` needs a value: \`${usage}\`` : `option \`${flag}\` takes no value`;
  }
  if (error.code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL')
    return `unexpected argument \`${quoted}\`; usage: postmortem ${command.name} ${command.usage}`.trimEnd();
  return error.message;
}

function isParseArgsError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS');
}
