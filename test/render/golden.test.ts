import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/config.js';
import { renderReport } from '../../src/render/render.js';
import type { ReportOptions } from '../../src/render/view.js';
import { loadTemplates } from '../../src/io/templates.js';
import { checkIncident } from '../../src/validate/check-incident.js';

const root = path.resolve(import.meta.dirname, '../..');

async function render(file: string, options: ReportOptions = {}): Promise<string> {
  const checked = checkIncident(file, await readFile(path.join(root, file)), DEFAULT_CONFIG);
  expect(checked.diagnostics).toEqual([]);
  return renderReport(checked.incident!, await loadTemplates(null), options);
}

const withoutHeader = (report: string) => report.slice(report.indexOf('-->\n\n') + 5);

describe('rendered reports (golden files; update with `npx vitest -u` and review the diff)', () => {
  it.each<[string, ReportOptions]>([
    ['render-hostile-text', {}],
    ['render-dst-autumn', {}],
    ['render-dst-chicago-fall-back', {}],
    // `sync.repo` set: the Issue column links #N to the issue.
    ['render-issue-links', { issueLinks: { repo: 'acme/platform', serverUrl: 'https://github.com' } }],
    // `sync.server_url` set too (GitHub Enterprise Server): the links go to that server.
    ['render-issue-links-enterprise', { issueLinks: { repo: 'acme/platform', serverUrl: 'https://github.example.com' } }],
  ])('%s', async (name, options) => {
    const markdown = await render(`test/fixtures/${name}/incident.yaml`, options);
    await expect(markdown).toMatchFileSnapshot(`../fixtures/${name}/report.md`);
  });

  // The header's key is what `build` computes from the files (see build.test.ts, `build --check`); the body is compared here.
  it('keeps the committed example reports current', async () => {
    const names = (await readdir(path.join(root, 'postmortems'))).filter((n) => n.endsWith('.yaml'));
    expect(names.length).toBeGreaterThanOrEqual(3);
    for (const name of names) {
      const committed = await readFile(path.join(root, 'postmortems', name.replace('.yaml', '.md')), 'utf8');
      expect(withoutHeader(await render(`postmortems/${name}`))).toBe(withoutHeader(committed));
    }
  });

  it('renders the same bytes twice', async () => {
    const file = 'postmortems/2024-01-15-checkout-gift-card-errors.yaml';
    expect(await render(file)).toBe(await render(file));
  });
});
