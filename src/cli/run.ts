/**
 * One CLI invocation: picks the subcommand, runs it with the streams it is
 * given, and turns any unexpected failure into one line and exit code 2
 * rather than a stack trace. `src/cli.ts` calls it with the process's streams.
 */
import { readPackageVersion } from '../io/package-info.js';
import { UsageError, type CommandIO, type CommandSpec, type ExitCode } from './command.js';
import { COMMANDS } from './commands/index.js';

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
    'Run `postmortem <command> --help` for the options of one command.',
  ];
  return `${lines.join('\n')}\n`;
}

export function commandHelp(command: CommandSpec): string {
  const width = Math.max(0, ...command.options.map(([flag]) => flag.length));
  const lines = [`Usage: postmortem ${command.name} ${command.usage}`.trimEnd(), '', command.summary];
  if (command.options.length > 0) {
    lines.push('', 'Options:', ...command.options.map(([flag, text]) => `  ${flag.padEnd(width)}  ${text}`));
  }
  return `${lines.join('\n')}\n`;
}

/** Runs one CLI invocation; exported so tests can call it in-process. */
export async function runCli(argv: string[], io: CommandIO, commands: readonly CommandSpec[] = COMMANDS): Promise<ExitCode> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(helpText(commands));
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-v') {
    io.stdout(`${await readPackageVersion()}\n`);
    return 0;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.stderr(`postmortem: unknown command \`${name}\`. Commands: ${commands.map((c) => c.name).join(', ')}\n`);
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
      io.stderr(`postmortem ${name}: ${(error as Error).message}\nRun \`postmortem ${name} --help\` for usage.\n`);
      return 2;
    }
    // Unexpected: one readable line, never a stack trace (set DEBUG=postmortem for one).
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`postmortem ${name}: internal error: ${message}\n`);
    if (io.env.DEBUG?.includes('postmortem') && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`);
    return 2;
  }
}

function isParseArgsError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS');
}
