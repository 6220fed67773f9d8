/**
 * What each command loads before it runs, read from the CLI bundle's
 * metafile (scripts/bundle-cli.ts): start-up is most of a short command's
 * time, so a command imports only what it needs. TypeBox and ajv's compiler
 * are build-time tools (the schemas are compiled ahead, `npm run schemas`);
 * octokit belongs to sync alone; remark and Handlebars load when a command
 * reaches the step that needs them.
 */
import { describe, expect, it } from 'vitest';
import { startupInputs } from '../../scripts/bundle-cli.js';
import { COMMAND_LOADERS } from '../../src/cli/commands/lazy.js';

const packagesOf = (files: readonly string[]) => [...new Set(files.flatMap((file) => /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file)?.[1] ?? []))].sort();

describe('start-up imports of the bundled CLI', () => {
  it('the entry (`--version`, help, the command table) loads no dependency', async () => {
    expect(packagesOf(await startupInputs('src/cli.ts'))).toEqual([]);
  });

  it.each(Object.keys(COMMAND_LOADERS))('%s loads neither TypeBox nor ajv’s schema compiler', async (name) => {
    const files = await startupInputs(`src/cli/commands/${name}.ts`);
    expect(packagesOf(files)).not.toContain('@sinclair/typebox');
    expect(files.filter((file) => file.includes('node_modules/ajv/') && !file.includes('node_modules/ajv/dist/runtime/'))).toEqual([]);
  });

  it.each(Object.keys(COMMAND_LOADERS).filter((name) => name !== 'sync'))('%s loads no GitHub client', async (name) => {
    expect(packagesOf(await startupInputs(`src/cli/commands/${name}.ts`)).filter((pkg) => pkg.startsWith('@octokit/'))).toEqual([]);
  });

  it.each(['validate', 'lint'])('%s loads no file writer (it writes nothing)', async (name) => {
    expect(packagesOf(await startupInputs(`src/cli/commands/${name}.ts`))).not.toContain('write-file-atomic');
  });

  it.each(['validate', 'report', 'show'])('%s loads no Markdown parser and no template engine', async (name) => {
    const packages = packagesOf(await startupInputs(`src/cli/commands/${name}.ts`));
    expect(packages.filter((pkg) => /^(remark|unified|micromark|mdast|handlebars)/.test(pkg))).toEqual([]);
  });
});
