/**
 * The JSON Schemas in `schema/` and the standalone validators compiled from
 * them are generated (`npm run schemas`); this test fails when a committed
 * file differs from what the TypeBox definitions give today, and checks that
 * editors using the schemas agree with the validator.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parseYamlSource } from '../../src/load/parse.js';
import { compileSchema } from '../../src/validate/compile-schema.js';
import { generatedSchemaFiles } from '../../scripts/write-schemas.js';

const root = new URL('../../', import.meta.url);
const read = (relative: string) => readFile(new URL(relative, root), 'utf8');

describe('published JSON Schemas', () => {
  it.each(Object.entries(generatedSchemaFiles()))('%s is up to date (run `npm run schemas` if not)', async (relative, generated) => {
    expect(await read(relative)).toBe(generated);
  });

  it('accepts the example incident and refuses a typo, as an editor would', async () => {
    const schema = JSON.parse(await read('schema/postmortem.schema.json')) as object;
    const validate = compileSchema(schema);
    const example = parseYamlSource('incident.yaml', await read('test/fixtures/valid/incident.yaml')).data as Record<string, unknown>;
    expect(validate(example)).toBe(true);
    const { summary, ...rest } = example;
    expect(validate({ ...rest, sumary: summary })).toBe(false);
  });

  it('accepts a config with every setting and refuses an unknown one', async () => {
    const validate = compileSchema(JSON.parse(await read('schema/postmortem.config.schema.json')) as object);
    expect(validate({ incidents: 'postmortems', severities: ['SEV1'], lint: { rules: { 'blame/judgement': 'off' } }, sync: { repo: 'a/b' } })).toBe(true);
    expect(validate({ incidnets: 'postmortems' })).toBe(false);
  });

  it('is plain JSON Schema 2020-12, without TypeBox internals', async () => {
    const text = await read('schema/postmortem.schema.json');
    expect(JSON.parse(text)).toMatchObject({ $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'object' });
    expect(text).not.toMatch(/TypeBox|\[Kind\]/);
  });
});
