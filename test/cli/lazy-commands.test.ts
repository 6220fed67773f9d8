/** Start-up loads only the named command's module; the loader list must name every command of the full table. */
import { describe, expect, it } from 'vitest';
import { COMMAND_LOADERS, commandsFor } from '../../src/cli/commands/lazy.js';
import { COMMANDS } from '../../src/cli/commands/index.js';

describe('lazy command loading', () => {
  it('has one loader per command, in the order help lists them', () => {
    expect(Object.keys(COMMAND_LOADERS)).toEqual(COMMANDS.map((c) => c.name));
  });

  it.each(COMMANDS.map((c) => c.name))('%s loads just its own spec', async (name) => {
    const table = await commandsFor(name);
    expect(table).toEqual([COMMANDS.find((c) => c.name === name)]);
  });

  it.each([[undefined], ['--help'], ['nope'], ['toString']])('%s gets the full table', async (name) => {
    expect(await commandsFor(name)).toBe(COMMANDS);
  });

  it.each([['--version'], ['-v']])('%s loads no command at all', async (name) => {
    expect(await commandsFor(name)).toEqual([]);
  });
});
