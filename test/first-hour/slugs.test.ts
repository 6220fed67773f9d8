/** Non-Latin titles get a slug of their own (never all `incident`), and two incidents on one day never share a file. */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { slugify } from '../../src/incident/slug.js';
import { collectSyncItems } from '../../src/sync/sync-item.js';
import { folderWith, run } from './run-in-process.js';

describe('slugify: one slugifier for file names and action ids', () => {
  it.each([
    ['Checkout API: 500s!', 'checkout-api-500s'],
    ['Сбой базы данных', 'sboy-bazy-dannykh'],
    ['東京データセンター障害', '東京データセンター障害'],
    ['서울 리전 장애', '서울-리전-장애'],
    ['DB障害 (東京)', 'db障害-東京'],
    ['Ærøskøbing Straße: café down', 'aeroskobing-strasse-cafe-down'],
    ['Ελληνικά δεδομένα', 'ellinika-dedomena'],
    ['ＡＰＩ　ｄｏｗｎ', 'api-down'],
    ['!!!', 'incident'],
    ['🔥', 'incident'],
  ])('%s → %s', (title, slug) => {
    expect(slugify(title)).toBe(slug);
  });

  it('cuts long slugs by characters, not bytes, and never ends on a hyphen', () => {
    expect(slugify('障'.repeat(80))).toBe('障'.repeat(60));
    expect(slugify(`${'a'.repeat(59)} b`)).toBe('a'.repeat(59));
  });

  it.each([
    ['Add a test for the gift card code path now please', 'add-a-test-for-the-gift'],
    ['Сбой базы данных: добавить алерт', 'sboy-bazy-dannykh-dobavit-alert'],
    ['監視を追加する', 'action-1'],
  ])('sync derives the action id of %s as %s (ASCII, as the id pattern asks)', (action, id) => {
    const incident = {
      file: 'p.yaml',
      id: 'p',
      title: 't',
      severity: 'SEV2',
      date: '2024-01-15',
      actionItems: [{ index: 0, id: null, action, owner: null, deadline: null, status: 'open', priority: null, type: null, issue: null }],
    };
    expect(collectSyncItems(incident as never).newIds).toEqual([{ index: 0, id }]);
  });
});

describe('postmortem new with non-Latin titles and taken names', () => {
  it.each([
    ['東京データセンター障害', 'postmortems/2024-01-15-東京データセンター障害.yaml'],
    ['Сбой базы данных', 'postmortems/2024-01-15-sboy-bazy-dannykh.yaml'],
  ])('names the file after %s', async (title, file) => {
    const dir = await folderWith({ 'postmortems/.keep': '' });
    const made = await run(dir, ['new', title, '--date', '2024-01-15']);
    expect(made).toMatchObject({ code: 0, stdout: `created ${file}\n` });
    expect(await readFile(path.join(dir, file), 'utf8')).toContain(`title: ${JSON.stringify(title)}`);
    expect(await run(dir, ['validate', file])).toMatchObject({ code: 0 });
  });

  it.each([
    ['the id of a file named in its own script', '2024-01-15-東京データセンター障害', 0],
    ['a transliterated id', '2024-01-15-sboy-bazy-dannykh', 0],
    ['a lower-case Cyrillic id', 'сбой-базы', 0],
    ['an id with capitals', 'Tokyo-DC', 1],
    ['an id with a space', 'tokyo dc', 1],
  ])('takes %s written in `id:` (%s)', async (_case, id, code) => {
    const dir = await folderWith({ 'postmortems/.keep': '' });
    await run(dir, ['new', 'Disk full', '--date', '2024-01-15']);
    const file = path.join(dir, 'postmortems/2024-01-15-disk-full.yaml');
    await writeFile(file, `id: ${JSON.stringify(id)}\n${await readFile(file, 'utf8')}`);
    const checked = await run(dir, ['validate', 'postmortems/2024-01-15-disk-full.yaml']);
    expect(checked.code).toBe(code);
    if (code === 1) expect(checked.stdout + checked.stderr).toContain('schema/format');
  });

  it.each([
    ['Tokyo-DC', 'tokyo-dc'],
    ['Tokyo DC (primary)', 'tokyo-dc-primary'],
    ['Сбой Базы', 'сбой-базы'],
  ])('suggests the id as its pattern allows it: `%s` → `%s`', async (id, suggestion) => {
    const dir = await folderWith({ 'postmortems/.keep': '' });
    await run(dir, ['new', 'Disk full', '--date', '2024-01-15']);
    const file = path.join(dir, 'postmortems/2024-01-15-disk-full.yaml');
    await writeFile(file, `id: ${JSON.stringify(id)}\n${await readFile(file, 'utf8')}`);
    const checked = await run(dir, ['validate', 'postmortems/2024-01-15-disk-full.yaml', '--format', 'json']);
    const [diagnostic] = JSON.parse(checked.stdout) as Array<{ ruleId: string; suggestions?: string[] }>;
    expect(diagnostic).toMatchObject({ ruleId: 'schema/format', suggestions: [suggestion] });
  });

  it('gives a second incident whose title makes the same slug the next free name, and says so', async () => {
    const dir = await folderWith({ 'postmortems/.keep': '' });
    expect((await run(dir, ['new', 'DB down!', '--date', '2024-01-15'])).stdout).toBe('created postmortems/2024-01-15-db-down.yaml\n');
    expect((await run(dir, ['new', 'DB down?', '--date', '2024-01-15'])).stdout).toBe(
      'created postmortems/2024-01-15-db-down-2.yaml (postmortems/2024-01-15-db-down.yaml is another incident with the same name)\n',
    );
    expect((await run(dir, ['new', 'DB: down', '--date', '2024-01-15'])).stdout).toContain('created postmortems/2024-01-15-db-down-3.yaml');
    expect(await readFile(path.join(dir, 'postmortems/2024-01-15-db-down-2.yaml'), 'utf8')).toContain('title: "DB down?"');
    // The same title again finds its own numbered file and refuses.
    expect(await run(dir, ['new', 'DB down?', '--date', '2024-01-15'])).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('postmortems/2024-01-15-db-down-2.yaml already exists with this title'),
    });
  });

  it('refuses, writing nothing, when an incident with the same title is already there', async () => {
    const dir = await folderWith({ 'postmortems/.keep': '' });
    await run(dir, ['new', 'DB down', '--date', '2024-01-15']);
    const again = await run(dir, ['new', 'db down ', '--date', '2024-01-15']);
    expect(again).toMatchObject({ code: 1, stdout: '' });
    expect(again.stderr).toBe(
      'postmortem new: postmortems/2024-01-15-db-down.yaml already exists with this title; not overwriting it. Edit that file, or choose another title.\n',
    );
  });
});
