/** Flag mistakes a new user makes get messages in the tool's own words, with a "did you mean". */
import { describe, expect, it } from 'vitest';
import { folderWith, run } from './run-in-process.js';

describe('usage messages', () => {
  it.each([
    [['build', '--chek'], 'postmortem build: unknown option `--chek`; did you mean `--check`? (the options of `build` are --out, --check)'],
    [['validate', '--formt', 'json'], 'postmortem validate: unknown option `--formt`; did you mean `--format`?'],
    [['build', '--check=yes'], 'postmortem build: option `--check` takes no value'],
    [['build', '--out'], 'postmortem build: option `--out` needs a value: `--out DIR`'],
    [['valdate'], 'postmortem: unknown command `valdate`. Did you mean `validate`? Commands: new, validate,'],
    [['rport', '--now', '2024-01-01'], 'postmortem: unknown command `rport`. Did you mean `report`?'],
    [['publish'], 'postmortem: unknown command `publish`. Commands: new, validate,'],
    [['\u001b[2Jbuild'], 'postmortem: unknown command `\\u001b[2Jbuild`.'],
    [
      ['new', 'Disk full', '--timezone', 'Europe/Berlim'],
      'postmortem new: --timezone must be an IANA zone such as Europe/Berlin; got `Europe/Berlim`; did you mean `Europe/Berlin`?',
    ],
  ])('postmortem %j', async (args, message) => {
    const result = await run(await folderWith(), args);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stderr).not.toMatch(/<value>|positional/);
  });

  it('`help validate` prints the help of validate, like `validate --help`', async () => {
    const dir = await folderWith();
    const viaHelp = await run(dir, ['help', 'validate']);
    expect(viaHelp.code).toBe(0);
    expect(viaHelp.stdout).toMatch(/^Usage: postmortem validate /);
    expect(viaHelp.stdout).toBe((await run(dir, ['validate', '--help'])).stdout);
  });

  it.each([['validate'], ['build'], ['report']])('the help of %s names POSTMORTEM_WORKERS, which a usage error about it points to', async (command) => {
    const dir = await folderWith();
    const help = await run(dir, ['help', command]);
    expect(help.stdout).toMatch(/\nEnvironment:\n(.*\n)*  POSTMORTEM_WORKERS +worker threads for large runs/);
    const refused = await run(dir, [command], { POSTMORTEM_WORKERS: 'banana' });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`Run \`postmortem ${command} --help\` for usage.`);
  });
});
