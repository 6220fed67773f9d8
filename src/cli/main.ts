/**
 * The edge between the operating system and `runCli`: the process's
 * arguments, environment and streams in, the exit code out. The only module
 * that reads `process` for the CLI.
 *
 * It takes the command table as a parameter rather than importing
 * commands/lazy.ts: a command's own bundle (scripts/bundle-cli.ts) passes
 * just that command, so it holds none of the others.
 */
import type { CommandIO, CommandSpec } from './command.js';
import { runCommands } from './run.js';

/** Runs the CLI on `process.argv` with the table `commandsFor` gives for the command name, and sets `process.exitCode`. */
export function runMain(commandsFor: (name: string | undefined) => Promise<readonly CommandSpec[]>): void {
  const io: CommandIO = {
    cwd: process.cwd(),
    env: process.env,
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    isTTY: Boolean(process.stdout.isTTY) && !process.env.CI,
  };
  const argv = process.argv.slice(2);
  commandsFor(argv[0])
    .then((commands) => runCommands(argv, io, commands))
    .then(
      (code) => {
        process.exitCode = code;
      },
      (error: unknown) => {
        process.stderr.write(`postmortem: ${error instanceof Error ? error.message : String(error)}\n`);
        process.exitCode = 2;
      },
    );
}
