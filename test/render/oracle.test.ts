/**
 * The build prints Markdown without parsing it again; remark is the oracle
 * that it is already canonical. For the golden fixtures, the examples,
 * hostile text and a few hundred synthetic incidents, remark's normalisation
 * of the direct output reads as the same Markdown tree, and for text without
 * markup it is the same bytes.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { syntheticIncident } from '../../bench/synthetic.js';
import { DEFAULT_CONFIG } from '../../src/config/config.js';
import { loadTemplates } from '../../src/io/templates.js';
import { normaliseMarkdown, renderRawReport } from '../../src/render/render.js';
import { checkIncident } from '../../src/validate/check-incident.js';
import { readMarkdown, remarkNormalise } from './remark-oracle.js';

const root = path.resolve(import.meta.dirname, '../..');
const templates = await loadTemplates(null);

function direct(file: string, source: string | Uint8Array, related: 'none' | 'plain' | 'hostile' = 'none'): string {
  const checked = checkIncident(file, typeof source === 'string' ? Buffer.from(source) : source, DEFAULT_CONFIG);
  expect(checked.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const title = related === 'hostile' ? 'Other [x] | *y* <b>' : 'Other incident';
  const links =
    related === 'none'
      ? []
      : [
          {
            id: 'other',
            title,
            date: '2024-01-01',
            file: 'postmortems/other.yaml',
            link: 'other report.md',
            shared: [{ kind: 'service' as const, name: 'a_b' }],
          },
        ];
  return normaliseMarkdown(
    renderRawReport(checked.incident!, templates, { issueLinks: { repo: 'acme/platform', serverUrl: 'https://github.com' }, related: links }),
  );
}

const HOSTILE = [
  '<script>x</script> | *y*',
  '# heading\n\n- list\n> quote',
  '1. one\n2) two',
  'a_b __c__ `d` [e](f) &lt; \\',
  '---',
  '| a | b |\n| --- | --- |',
];

/** A synthetic incident with hostile text in every free-text field. */
function hostileIncident(index: number): string {
  const data = parse(syntheticIncident(index).yaml) as Record<string, any>;
  const text = HOSTILE[index % HOSTILE.length]!;
  data.title = `${text.split('\n')[0]} ${index}`;
  data.summary = text;
  data.impact.description = text;
  data.timeline[4].event = text;
  data.root_cause.immediate = text;
  data.root_cause.contributing_factors.push(text);
  data.root_cause.five_whys.push(text.split('\n')[0]);
  data.action_items[1].action = text;
  data.action_items[1].owner = text.split('\n')[0];
  data.lessons.push({ title: text.split('\n')[0], detail: text });
  data.investigation = [{ hypothesis: text, result: 'rejected', evidence: text }];
  return stringify(data);
}

describe('direct output is canonical Markdown (remark as the oracle)', () => {
  it('for the examples and golden fixtures: the same bytes as remark prints', async () => {
    const names = (await readdir(path.join(root, 'postmortems'))).filter((n) => n.endsWith('.yaml')).map((n) => `postmortems/${n}`);
    for (const file of [...names, 'test/fixtures/render-dst-autumn/incident.yaml']) {
      const markdown = direct(file, await readFile(path.join(root, file)));
      expect(remarkNormalise(markdown)).toBe(markdown);
    }
  });

  it('for the hostile-text fixture: the same tree as remark reads in its normalisation', async () => {
    const file = 'test/fixtures/render-hostile-text/incident.yaml';
    const markdown = direct(file, await readFile(path.join(root, file)), 'hostile');
    expect(readMarkdown(remarkNormalise(markdown))).toEqual(readMarkdown(markdown));
  });

  it('for 240 synthetic incidents: the same bytes as remark prints', { timeout: 300_000 }, () => {
    for (let index = 0; index < 240; index++) {
      const { name, yaml } = syntheticIncident(index);
      const markdown = direct(`postmortems/${name}.yaml`, yaml, index % 3 === 0 ? 'plain' : 'none');
      expect(remarkNormalise(markdown)).toBe(markdown);
    }
  });

  it('for 60 synthetic incidents full of hostile text: the same tree as remark reads in its normalisation', { timeout: 300_000 }, () => {
    for (let index = 0; index < 60; index++) {
      const markdown = direct(`postmortems/hostile-${index}.yaml`, hostileIncident(index), index % 2 === 0 ? 'hostile' : 'none');
      expect(readMarkdown(remarkNormalise(markdown))).toEqual(readMarkdown(markdown));
    }
  });
});
