/** A broken template override names its file, line and column (exit 2); a misnamed one gets a "did you mean". */
import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, readdir, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkTemplateOverrides } from '../../src/render/template-check.js';
import { run } from './run-in-process.js';

const root = path.resolve(import.meta.dirname, '../..');

/** A scratch copy of `test/fixtures/NAME`, so a build may write. */
async function copyOf(name: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), `pm-${name}-`));
  await cp(path.join(root, 'test/fixtures', name), dir, { recursive: true });
  return dir;
}

const BUILT_IN = ['report.hbs', 'partials/summary.hbs', 'partials/timeline.hbs'];
const at = (text: string, name = 'partials/summary.hbs') =>
  checkTemplateOverrides([{ name, file: `t/${name}`, text }], BUILT_IN).map((d) => `${d.line}:${d.column} ${d.severity} ${d.ruleId} ${d.message}`);

describe('template overrides', () => {
  it.each([
    [
      'an unclosed mustache',
      'ok\n  {{md summary\n',
      ['2:1 error build/template-syntax Handlebars syntax error in `partials/summary.hbs`: Parse error: the template ends inside a `{{ … }}` or a block'],
    ],
    [
      'a stray character',
      'line1\n  {{foo %}}',
      ['2:9 error build/template-syntax Handlebars syntax error in `partials/summary.hbs`: Parse error: unexpected text inside `{{ … }}`'],
    ],
    [
      'a block closed by the wrong name',
      'a\n{{#each timeline}}\n{{/if}}',
      ["2:4 error build/template-syntax Handlebars syntax error in `partials/summary.hbs`: each doesn't match if"],
    ],
    ['a template that parses', '## Summary\n\n{{md summary}}\n', []],
  ])('%s', (_name, text, expected) => {
    expect(at(text)).toEqual(expected);
  });

  it('warns about an override that matches no template, with the nearest name', () => {
    expect(at('', 'partials/timelin.hbs')).toEqual([
      'null:null warning build/unknown-template `partials/timelin.hbs` matches no built-in template, so it is not used; did you mean `partials/timeline.hbs`?',
    ]);
  });

  it('build names the template file, line and column, exits 2 and writes nothing', async () => {
    const dir = await copyOf('templates-syntax-error');
    const result = await run(dir, ['build']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('my-templates/partials/summary.hbs\n  3:1 ');
    expect(result.stderr).toContain('my-templates/partials/timeline.hbs\n  5:4 ');
    expect(result.stderr).toContain("Handlebars syntax error in `partials/timeline.hbs`: each doesn't match if  build/template-syntax");
    expect(result.stderr).not.toContain('internal error');
    expect((await run(dir, ['build', '--check'])).code).toBe(2);
  });

  it('show says where the broken template is, without "internal error"', async () => {
    const result = await run(await copyOf('templates-syntax-error'), ['show', 'postmortems/2024-01-15-checkout.yaml']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('postmortem show: my-templates/partials/summary.hbs:3:1: Handlebars syntax error');
  });

  it('build warns about a misnamed override and still builds with the built-in template', async () => {
    const dir = await copyOf('templates-misnamed-override');
    const result = await run(dir, ['build']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('wrote postmortems/2024-01-15-checkout.md');
    expect(result.stderr).toMatch(
      /my-templates\/partials\/timelin\.hbs\n +- +warning +`partials\/timelin\.hbs` matches no built-in template, so it is not used; did you mean `partials\/timeline\.hbs`\?/,
    );
  });

  it('report warns about a misnamed tracker override, and build leaves tracker names to report', async () => {
    const dir = await copyOf('templates-misnamed-override');
    const report = await run(dir, ['report', '--now', '2024-07-01']);
    expect(report.code).toBe(0);
    expect(report.stderr).toContain('`report/partials/trend.hbs` matches no built-in template, so it is not used; did you mean `report/partials/trends.hbs`?');
    expect(report.stderr).not.toContain('timelin');
    expect((await run(dir, ['build'])).stderr).not.toContain('trend.hbs');
  });
});

describe('an installation without its templates folder', () => {
  it.each([[['build']], [['report', '--now', '2026-12-01']]])(
    '`%j` stops with exit 2 and says the install is incomplete, writing no empty report',
    async (args) => {
      // The built package, copied without `templates/`: what a broken install or a bad bundle copy looks like.
      const install = await mkdtemp(path.join(tmpdir(), 'pm-no-templates-'));
      for (const part of ['dist', 'schema', 'package.json']) await cp(path.join(root, part), path.join(install, part), { recursive: true });
      await symlink(path.join(root, 'node_modules'), path.join(install, 'node_modules'));
      const work = await mkdtemp(path.join(tmpdir(), 'pm-no-templates-work-'));
      await cp(path.join(root, 'test/fixtures/render-hostile-text/incident.yaml'), path.join(work, 'postmortems/2024-03-05-hostile.yaml'));
      const before = await readdir(work, { recursive: true });
      const result = spawnSync(process.execPath, [path.join(install, 'dist/bin/postmortem.cjs'), ...args], { cwd: work, encoding: 'utf8' });
      expect(result.status).toBe(2);
      expect(result.stderr).toContain(`the built-in templates are missing from \`${path.join(install, 'templates')}`);
      expect(result.stderr).toContain('install postmortem again');
      expect(await readdir(work, { recursive: true })).toEqual(before);
    },
  );
});
