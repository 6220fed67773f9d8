/**
 * node:util's `parseArgs`, with one difference: a negative number after an
 * option that takes a value is that value (`--max-warnings -1` reads as
 * `--max-warnings=-1`). parseArgs alone takes `-1` for an option and stops at
 * "needs a value", which hides what the option takes; read as the value, the
 * option's own check says it (`--max-warnings takes a whole number >= 0`).
 * Every command parses its flags through this.
 *
 * @example
 * parseOptions({ args: ['--max-warnings', '-1'], options: { 'max-warnings': { type: 'string' } } }).values
 * // → { 'max-warnings': '-1' }
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

/** A negative number, as a value: `-1`, `-0.5`, `-.5`, `-1e3`. No option of the CLI is spelt like one. */
const NEGATIVE_NUMBER = /^-\.?\d/;

export function parseOptions<T extends ParseArgsConfig>(config: T): ReturnType<typeof parseArgs<T>> {
  return parseArgs<T>({ ...config, args: joinNegativeValues(config.args ?? [], config.options ?? {}) } as T);
}

/**
 * `--flag -1` → `--flag=-1` for each option of type string; everything else, and all after `--`, as given.
 *
 * @example
 * joinNegativeValues(['--max', '-2', 'a.yaml'], { max: { type: 'string' } }) // → ['--max=-2', 'a.yaml']
 */
export function joinNegativeValues(args: readonly string[], options: NonNullable<ParseArgsConfig['options']>): string[] {
  const joined: string[] = [];
  for (let index = 0; index < args.length; index++) {
    const arg = args[index]!;
    if (arg === '--') return [...joined, ...args.slice(index)];
    const name = /^--([^=]+)$/.exec(arg)?.[1];
    const next = args[index + 1];
    if (name !== undefined && Object.hasOwn(options, name) && options[name]!.type === 'string' && next !== undefined && NEGATIVE_NUMBER.test(next)) {
      joined.push(`${arg}=${next}`);
      index++;
    } else {
      joined.push(arg);
    }
  }
  return joined;
}
