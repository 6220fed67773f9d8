/**
 * Markdown post-mortems in the shapes teams write them (tables with front
 * matter, lists under synonym headings, prose only, dated sub-headings):
 * each imports to a golden YAML file that validates, with the diagnostics
 * listed, and loses no sentence.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/config.js';
import { importMarkdown } from '../../src/import/import-markdown.js';
import { incidentYaml } from '../../src/import/incident-yaml.js';
import { checkIncident } from '../../src/validate/check-incident.js';
import { lostSentences } from './source-text.js';

describe.each([
  ['import-tables-front-matter', '2024-03-04-search-results-were-empty-for-eu-customers.yaml', 'in-review', []],
  ['import-lists-synonyms', '1970-01-01-queue-backlog-delayed-invoices.yaml', 'draft', ['date', 'severity', 'impact.description']],
  ['import-prose-only', '2023-05-12-input.yaml', 'draft', ['severity', 'impact.description', 'timeline', 'root_cause.immediate', 'resolution', 'action_items']],
  ['import-dated-headings', '2022-11-07-build-cache-poisoning-2022-11-07.yaml', 'draft', ['impact.description']],
])('%s', (name, fileName, status, missing) => {
  const input = new URL(`../fixtures/${name}/input.md`, import.meta.url);

  it('imports to the golden file, which validates and keeps every sentence', async () => {
    const markdown = await readFile(input, 'utf8');
    const result = importMarkdown(`old/${name}/input.md`, markdown, DEFAULT_CONFIG);
    const yaml = incidentYaml(result.data, `old/${name}/input.md`, '../node_modules/postmortems/schema/postmortem.schema.json');
    await expect(yaml).toMatchFileSnapshot(`../fixtures/${name}/expected.yaml`);
    expect(result.fileName).toBe(fileName);
    expect(result.data.status).toBe(status);
    expect(checkIncident(fileName, yaml, DEFAULT_CONFIG).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(lostSentences(markdown, yaml)).toEqual([]);
  });

  it('names each missing field in a diagnostic', async () => {
    const result = importMarkdown('input.md', await readFile(input, 'utf8'), DEFAULT_CONFIG);
    expect(result.diagnostics.filter((d) => d.ruleId === 'import/missing-field').map((d) => d.path)).toEqual(missing);
  });
});
