/**
 * What every subcommand is given and returns. Commands never touch
 * `process` directly: the CLI entry passes the streams, environment and
 * working directory in, so tests can run a command in-process with strings.
 *
 * @example
 * const io = { cwd: '/repo', env: {}, stdout: (s) => out.push(s), stderr: (s) => err.push(s), isTTY: false };
 * const code = await validateCommand.run(['postmortems/'], io);
 */
export interface CommandIO {
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Colour and progress only when a person is watching. */
  isTTY: boolean;
  /** The tool build, for the check cache's keys; default: the one the bundle embeds (none from source, so no cache there). */
  buildIdentity?: string | null;
}

/** 0 clean; 1 findings at error severity, failed files or drift; 2 usage or configuration errors. */
export type ExitCode = 0 | 1 | 2;

export interface CommandSpec {
  name: string;
  /** `postmortem NAME USAGE`, shown in help. */
  usage: string;
  summary: string;
  /** Lines of `--flag  what it does` for help. */
  options: ReadonlyArray<readonly [flag: string, description: string]>;
  /** Lines of `NAME  what it does` for the environment variables the command reads, shown in help. */
  environment?: ReadonlyArray<readonly [name: string, description: string]>;
  run(args: string[], io: CommandIO): Promise<ExitCode>;
}

/** Thrown for bad flags or arguments; the CLI prints the message and exits 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}
