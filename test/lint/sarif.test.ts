/**
 * SARIF output validates against the SARIF 2.1.0 JSON schema (the copy
 * shipped in the @microsoft/jest-sarif package; draft-04, loaded into ajv
 * with its `id` read as `$id`), and matches a golden file.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv } from 'ajv';
import { expect, it } from 'vitest';
import { buildSarif, formatSarif } from '../../src/diagnostics/format/sarif.js';
import { lintIncidentSource, lintMarkdown } from '../../src/lint/index.js';

const require = createRequire(import.meta.url);
const schemaPath = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
const schema = JSON.parse(readFileSync(schemaPath, 'utf8')) as { id?: string; [keyword: string]: unknown };
const { $schema: _draft, id, ...rest } = schema;
// The schema's patterns are written for non-unicode regular expressions; formats are not needed here.
const validate = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false, validateFormats: false }).compile({ ...rest, $id: id });

const fixture = new URL('../fixtures/lint/cli/postmortems/2024-01-15-checkout.yaml', import.meta.url);
const diagnostics = [
  ...lintIncidentSource('postmortems/2024-01-15-checkout.yaml', readFileSync(fixture, 'utf8')),
  ...lintMarkdown('postmortems/a b.md', 'The change was careless.\n'),
  {
    file: 'postmortems/x.yaml',
    line: null,
    column: null,
    endLine: null,
    endColumn: null,
    severity: 'error' as const,
    ruleId: 'schema/binary',
    message: 'binary',
    path: null,
    suggestions: [],
  },
];

it('validates against the SARIF 2.1.0 schema', () => {
  const log = buildSarif(diagnostics, { version: '0.1.0' });
  expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
  expect(log.runs[0]!.results).toHaveLength(diagnostics.length);
});

it('the schema check is real: a wrong level is refused', () => {
  const log = buildSarif(diagnostics) as unknown as { runs: Array<{ results: Array<{ level: string }> }> };
  log.runs[0]!.results[0]!.level = 'fatal';
  expect(validate(log)).toBe(false);
});

it('matches the golden file', async () => {
  await expect(formatSarif(diagnostics, { version: '0.1.0' })).toMatchFileSnapshot('../fixtures/lint/golden/checkout.sarif.json');
});

it('validation diagnostics (schema/…) are valid SARIF too, for `validate --format sarif`', async () => {
  const { checkIncident } = await import('../../src/validate/check-incident.js');
  const { DEFAULT_CONFIG } = await import('../../src/config/config.js');
  const broken = 'title: 42\ndate: 2024-02-30\nseverity: SEV9\nsumary: x\n';
  const { diagnostics: found } = checkIncident('postmortems/broken.yaml', broken, DEFAULT_CONFIG);
  expect(found.length).toBeGreaterThan(3);
  const log = buildSarif(found);
  expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
  expect(log.runs[0]!.results!.map((r) => r.ruleId)).toContain('schema/unknown-field');
});
