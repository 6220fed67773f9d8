/**
 * `npm run vocabulary`: regenerates src/lint/vocabulary/generated.ts from the
 * YAML data beside it. Exits 1 without writing when the data has a problem
 * (a duplicate, an entry no rule can match); `--check` only says whether the
 * module is current.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildVocabularyModule } from '../src/lint/vocabulary/build-module.js';

const folder = fileURLToPath(new URL('../src/lint/vocabulary/', import.meta.url));
const files = readdirSync(folder)
  .filter((name) => name.endsWith('.yaml'))
  .map((name) => ({ name, text: readFileSync(folder + name, 'utf8') }));
const { module, problems } = buildVocabularyModule(files);
if (problems.length > 0) {
  for (const problem of problems) console.error(problem);
  console.error(`${problems.length} problem${problems.length === 1 ? '' : 's'} in the vocabulary; generated.ts not written`);
  process.exit(1);
}
const target = `${folder}generated.ts`;
if (process.argv.includes('--check')) {
  const current = readFileSync(target, 'utf8') === module;
  console.log(current ? 'generated.ts is current' : 'generated.ts is out of date: run `npm run vocabulary`');
  process.exit(current ? 0 : 1);
}
writeFileSync(target, module);
console.log(`wrote ${target} from ${files.length} files`);
