/**
 * `npm run rules-doc`: writes docs/rules.md from the rule catalogue. A test
 * (test/shape/catalogue.test.ts) fails when the committed file drifts.
 */
import { writeFile } from 'node:fs/promises';
import { catalogueMarkdown } from '../src/diagnostics/catalogue-doc.js';

await writeFile(new URL('../docs/rules.md', import.meta.url), catalogueMarkdown(), 'utf8');
console.log('wrote docs/rules.md');
