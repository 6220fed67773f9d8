/**
 * `npm run schemas`: writes the published JSON Schemas from the TypeBox
 * definitions, so editors autocomplete incident and config files. A test
 * (test/validate/published-schemas.test.ts) fails when the committed files
 * drift from what this script would write.
 */
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { publishedSchemas } from '../src/validate/published-schemas.js';

const root = fileURLToPath(new URL('..', import.meta.url));
for (const [relative, text] of Object.entries(publishedSchemas())) {
  await writeFile(`${root}${relative}`, text, 'utf8');
  console.log(`wrote ${relative}`);
}
