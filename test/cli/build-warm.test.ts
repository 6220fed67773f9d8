/**
 * The warm path of `build`: when every report's key (source bytes, tool
 * version, templates, config) matches and no body was edited, the build only
 * reads and hashes; each change of an input makes it render again and shows
 * in the reports it changes.
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type Config } from '../../src/config/config.js';
import { diskWorkspace } from '../../src/io/workspace.js';
import { applyBuild, planBuild } from '../../src/workflows/build.js';
import type { Workspace } from '../../src/workflows/workspace.js';
import { syntheticIncident } from '../../bench/synthetic.js';
import { runCliInProcess, scratchRepo } from './built-cli.js';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

const GIFT = 'postmortems/2024-01-15-checkout-gift-card-errors';
const NETWORK = 'postmortems/2024-03-09-eu-network-partition';
// Two incidents that share a service, so each report links the other under "Related incidents".
const [FIRST, SECOND] = [syntheticIncident(0), syntheticIncident(7)].map(({ name }) => `postmortems/${name}`) as [string, string];
const ALL = [GIFT, NETWORK, 'postmortems/2024-06-02-orders-db-connection-exhaustion', FIRST, SECOND].map((name) => `${name}.md`).sort();

async function builtRepo(config: Config = DEFAULT_CONFIG): Promise<{ dir: string; workspace: Workspace }> {
  const repo = await scratchRepo({ postmortems: 'postmortems' });
  cleanups.push(repo.cleanup);
  for (const index of [0, 7]) await writeFile(path.join(repo.dir, 'postmortems', `${syntheticIncident(index).name}.yaml`), syntheticIncident(index).yaml);
  const workspace = diskWorkspace(repo.dir, config);
  await build(workspace);
  return { dir: repo.dir, workspace };
}

async function build(workspace: Workspace, paths: string[] = []) {
  const plan = await planBuild(workspace, paths, { outDir: null });
  if (!plan.items) throw new Error(plan.problem);
  await applyBuild(workspace, plan.items);
  return {
    reused: plan.reused ?? false,
    changed: plan.items
      .filter((item) => item.state !== 'unchanged')
      .map((item) => item.target)
      .sort(),
  };
}

const withTemplates = (folder: string): Config => ({ ...DEFAULT_CONFIG, templates: folder });

describe('build reuses current reports without rendering', () => {
  it('a no-op build only reads and hashes', async () => {
    const { workspace } = await builtRepo();
    expect(await build(workspace)).toEqual({ reused: true, changed: [] });
  });

  it.each<[string, (dir: string, workspace: Workspace) => Promise<Workspace>, string[]]>([
    [
      'a source edit renders again and rewrites that report',
      async (dir, workspace) => {
        await writeFile(path.join(dir, `${GIFT}.yaml`), `${await readFile(path.join(dir, `${GIFT}.yaml`), 'utf8')}# a comment\n`);
        return workspace;
      },
      [`${GIFT}.md`],
    ],
    ['a new tool version rewrites every report', async (_, workspace) => ({ ...workspace, toolVersion: '99.0.0' }), ALL],
    [
      'a render-relevant config edit rewrites every report',
      async (dir) => diskWorkspace(dir, { ...DEFAULT_CONFIG, sync: { ...DEFAULT_CONFIG.sync, repo: 'acme/platform' } }),
      ALL,
    ],
    [
      'a lint-only config edit keeps them all',
      async (dir) => diskWorkspace(dir, { ...DEFAULT_CONFIG, lint: { ...DEFAULT_CONFIG.lint, allow: ['simply'] } }),
      [],
    ],
    [
      'an edited report body is rewritten',
      async (dir, workspace) => {
        const file = path.join(dir, `${NETWORK}.md`);
        await writeFile(file, (await readFile(file, 'utf8')).replace('## Timeline', '## Timeline (edited)'));
        return workspace;
      },
      [`${NETWORK}.md`],
    ],
  ])('%s', async (_, change, expected) => {
    const { dir, workspace } = await builtRepo();
    const changed = await change(dir, workspace);
    const result = await build(changed);
    expect(result).toEqual({ reused: expected.length === 0, changed: expected });
    expect(await build(changed)).toEqual({ reused: true, changed: [] });
  });

  it('a template override edit rewrites every report', async () => {
    const repo = await scratchRepo({ postmortems: 'postmortems' });
    cleanups.push(repo.cleanup);
    await mkdir(path.join(repo.dir, 'templates/partials'), { recursive: true });
    await writeFile(path.join(repo.dir, 'templates/partials/lessons.hbs'), '## Lessons\n\nFirst version.\n');
    const workspace = diskWorkspace(repo.dir, withTemplates('templates'));
    await build(workspace);
    expect((await build(workspace)).reused).toBe(true);
    await writeFile(path.join(repo.dir, 'templates/partials/lessons.hbs'), '## Lessons\n\nSecond version.\n');
    expect((await build(workspace)).changed).toEqual(ALL.filter((name) => !name.includes('synthetic') && !name.includes('-incident-')));
  });

  it('a removed incident that a report links to renders the folder again', async () => {
    const { dir, workspace } = await builtRepo();
    expect(await readFile(path.join(dir, `${FIRST}.md`), 'utf8')).toContain(path.posix.basename(`${SECOND}.md`));
    await rm(path.join(dir, `${SECOND}.yaml`));
    await rm(path.join(dir, `${SECOND}.md`));
    // The gift card incident shares the service too.
    expect(await build(workspace)).toEqual({ reused: false, changed: [`${FIRST}.md`, `${GIFT}.md`] });
  });

  it('a partial build that leaves other reports behind does not let the next check pass', async () => {
    const { dir, workspace } = await builtRepo();
    const file = path.join(dir, `${SECOND}.yaml`);
    await writeFile(file, (await readFile(file, 'utf8')).replace(/^title: .*$/m, 'title: A new title'));
    expect(await build(workspace, [`${SECOND}.yaml`])).toEqual({ reused: false, changed: [`${SECOND}.md`] });
    const check = await runCliInProcess(['build', '--check'], dir);
    expect(check.code).toBe(1);
    expect(check.stdout).toContain(`out of date: ${FIRST}.md`);
    expect(await build(workspace)).toEqual({ reused: false, changed: [`${FIRST}.md`, `${SECOND}.md`, `${GIFT}.md`] });
    expect(await build(workspace)).toEqual({ reused: true, changed: [] });
  });

  it('a partial build that changes nothing other reports show keeps the folder current', async () => {
    const { dir, workspace } = await builtRepo();
    const file = path.join(dir, `${SECOND}.yaml`);
    await writeFile(file, (await readFile(file, 'utf8')).replace(/^summary: >$/m, 'summary: >\n  One more sentence.'));
    expect(await build(workspace, [`${SECOND}.yaml`])).toEqual({ reused: false, changed: [`${SECOND}.md`] });
    expect(await runCliInProcess(['build', '--check'], dir)).toMatchObject({ code: 0 });
    expect(await build(workspace)).toEqual({ reused: true, changed: [] });
  });

  it('--check reports an edited report body as out of date', async () => {
    const { dir } = await builtRepo();
    const file = path.join(dir, `${NETWORK}.md`);
    await writeFile(file, `${await readFile(file, 'utf8')}\nA note added by hand.\n`);
    const result = await runCliInProcess(['build', '--check'], dir);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`out of date: ${NETWORK}.md`);
  });
});
