/**
 * SLOW (about 20 s; the one test that installs packages): packs the project
 * the way it is published (`npm pack`), installs the tarball into an empty
 * temporary git repository and runs the installed `postmortem` binary there,
 * as a team adopting the tool would. It needs the built `dist/` (`npm test`
 * builds first) and npm's cache or registry for the dependencies.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../cli/built-cli.js';

const run = promisify(execFile);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
let scratch = '';
let consumer = '';

async function postmortem(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const bin = path.join(consumer, 'node_modules/.bin/postmortem');
  try {
    const { stdout, stderr } = await run(bin, args, { cwd: consumer, env: { PATH: process.env.PATH ?? '' } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failure = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failure.code ?? 1, stdout: failure.stdout ?? '', stderr: failure.stderr ?? '' };
  }
}

describe('packaging (slow: npm pack, then install into an empty git repository)', () => {
  beforeAll(async () => {
    scratch = await mkdtemp(path.join(tmpdir(), 'postmortem-package-'));
    // --ignore-scripts: `npm test` has just built dist/, and a second build here would race other tests reading it.
    await run(npm, ['pack', '--ignore-scripts', '--silent', '--pack-destination', scratch], { cwd: REPO_ROOT });
    const [tarball] = (await readdir(scratch)).filter((name) => name.endsWith('.tgz'));
    consumer = path.join(scratch, 'repo');
    await run('git', ['init', '-q', consumer]);
    await writeFile(path.join(consumer, 'package.json'), '{ "name": "consumer", "private": true }\n');
    await run(npm, ['install', '--prefer-offline', '--no-audit', '--no-fund', '--omit=dev', path.join(scratch, tarball!)], { cwd: consumer });
  }, 180_000);

  afterAll(async () => {
    if (scratch) await rm(scratch, { recursive: true, force: true });
  });

  it('publishes under a name of its own with the `postmortem` binary', async () => {
    const [tarball] = (await readdir(scratch)).filter((name) => name.endsWith('.tgz'));
    expect(tarball).toMatch(/^postmortems-\d+\.\d+\.\d+\.tgz$/);
    expect((await postmortem('--version')).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it('ships the docs that diagnostics link to (docs/rules.md, docs/format.md) and the licence', async () => {
    const installed = path.join(consumer, 'node_modules', 'postmortems');
    for (const file of ['docs/rules.md', 'docs/format.md', 'LICENSE']) expect((await stat(path.join(installed, file))).isFile()).toBe(true);
  });

  it('runs new, validate, build and lint in the other repository', async () => {
    const created = await postmortem('new', 'Checkout API returned 500 errors', '--date', '2024-01-15', '--severity', 'SEV2');
    expect(created).toMatchObject({ code: 0, stdout: 'created postmortems/2024-01-15-checkout-api-returned-500-errors.yaml\n' });
    expect(await postmortem('validate')).toMatchObject({ code: 0, stdout: '1 incident file valid.\n' });
    const built = await postmortem('build');
    expect(built.code).toBe(0);
    expect(built.stdout).toContain('wrote postmortems/2024-01-15-checkout-api-returned-500-errors.md');
    expect((await postmortem('build', '--check')).code).toBe(0);
    const linted = await postmortem('lint');
    expect(linted.code).toBe(0);
    expect(linted.stdout).toContain('0 errors');
  });

  it('points diagnostics at the docs inside node_modules, where the package put them', async () => {
    await writeFile(path.join(consumer, 'postmortems', 'zz-broken.yaml'), 'title: Broken\nsumary: typo\n');
    const validated = await postmortem('validate', 'postmortems/zz-broken.yaml', '--format', 'json');
    await rm(path.join(consumer, 'postmortems', 'zz-broken.yaml'));
    const diagnostics = JSON.parse(validated.stdout) as Array<{ url?: string; message: string; expected?: string }>;
    const urls = diagnostics.map((d) => d.url).filter((url): url is string => url !== undefined);
    expect(urls.length).toBeGreaterThan(0);
    for (const url of urls) {
      expect(url).toMatch(/^node_modules\/postmortems\/docs\//);
      expect((await stat(path.join(consumer, url.replace(/#.*$/, '')))).isFile()).toBe(true);
    }
    // "expected a known field such as `summary` (19 fields; see docs/format.md)" names the docs too.
    expect(diagnostics.some((d) => `${d.message} ${d.expected ?? ''}`.includes('see node_modules/postmortems/docs/format.md'))).toBe(true);
  });

  it('gives TypeScript users types that compile without skipLibCheck (the README library example)', async () => {
    // The published .d.ts may name only packages a user gets with the package, not this repository's dev types.
    const example = [
      "import { checkIncident, renderReport, loadTemplates, DEFAULT_CONFIG, retextPostmortem, lintMarkdown } from 'postmortems';",
      'declare const bytes: Uint8Array;',
      "const checked = checkIncident('postmortems/x.yaml', bytes, DEFAULT_CONFIG);",
      'if (checked.incident) console.log(renderReport(checked.incident, await loadTemplates(null)));',
      'else console.error(checked.diagnostics);',
      'export { retextPostmortem, lintMarkdown };',
    ].join('\n');
    await writeFile(path.join(consumer, 'example.mts'), example + '\n');
    const tsc = path.join(REPO_ROOT, 'node_modules/.bin/tsc');
    const flags = [
      '--noEmit',
      '--strict',
      '--module',
      'nodenext',
      '--moduleResolution',
      'nodenext',
      '--target',
      'es2022',
      '--lib',
      'es2022,dom',
      '--types',
      '',
    ];
    const result = await run(tsc, [...flags, 'example.mts'], { cwd: consumer }).then(
      () => '',
      (error: { stdout?: string }) => error.stdout ?? String(error),
    );
    expect(result).toBe('');
  });
});
