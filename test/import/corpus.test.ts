/**
 * Every published post-mortem in ../shared/corpus imports, validates as at
 * least a draft, and loses no sentence. The files are read at test time and
 * never copied into the project; without the folder the test is skipped.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/config.js';
import { importMarkdown } from '../../src/import/import-markdown.js';
import { incidentYaml } from '../../src/import/incident-yaml.js';
import { checkIncident } from '../../src/validate/check-incident.js';
import { lostSentences } from './source-text.js';

const corpus = fileURLToPath(new URL('../../../shared/corpus/', import.meta.url));
const folders = ['real-postmortems', 'cloud-rcas'];
const files = existsSync(corpus)
  ? folders.flatMap((folder) =>
      readdirSync(`${corpus}${folder}`)
        .filter((name) => name.endsWith('.md') && name !== 'README.md')
        .map((name) => `${folder}/${name}`),
    )
  : [];

// Each file is imported once and shared by the tests below.
const imported = new Map<string, ReturnType<typeof importMarkdown>>();
const importOnce = (name: string) => {
  let result = imported.get(name);
  if (!result) imported.set(name, (result = importMarkdown(name, readFileSync(`${corpus}${name}`, 'utf8'), DEFAULT_CONFIG)));
  return result;
};

if (files.length === 0) console.warn(`import corpus test skipped: ${corpus} is absent (it holds third-party post-mortems, kept outside the project)`);

describe.skipIf(files.length === 0)('import of the shared corpus', () => {
  it.each(files)('%s imports, validates and loses no sentence', (name) => {
    const markdown = readFileSync(`${corpus}${name}`, 'utf8');
    const result = importOnce(name);
    const yaml = incidentYaml(result.data, name, '../node_modules/postmortems/schema/postmortem.schema.json');
    const checked = checkIncident(result.fileName, yaml, DEFAULT_CONFIG);
    expect(checked.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(lostSentences(markdown, yaml)).toEqual([]);
  });

  // A regression guard on how much lands in fields rather than placeholders (figures of this corpus when written).
  it.each([
    ['summary', 0.65],
    ['root_cause.immediate', 0.8],
    ['resolution', 0.5],
    ['timeline', 0.7],
  ])('finds %s in at least a share %d of the documents', (field, share) => {
    const found = files.filter((name) => {
      const result = importOnce(name);
      return !result.diagnostics.some((d) => d.ruleId === 'import/missing-field' && d.path === field);
    });
    expect(found.length / files.length).toBeGreaterThanOrEqual(share);
  });
});
