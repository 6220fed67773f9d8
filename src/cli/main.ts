/**
 * The edge between the operating system and `runCli`: the process's
 * arguments, environment and streams in, the exit code out. The only module
 * that reads `process` for the CLI.
 */
import type { CommandIO } from './command.js';
import { runCli } from './run.js';

/** Runs the CLI on `process.argv` and sets `process.exitCode`. */
export function runMain(): void {
  const io: CommandIO = {
    cwd: process.cwd(),
    env: process.env,
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    isTTY: Boolean(process.stdout.isTTY) && !process.env.CI,
  };
  runCli(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`postmortem: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 2;
    },
  );
}
