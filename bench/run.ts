/**
 * `npm run bench`: runs every `bench/*.bench.ts` in name order (or only those
 * whose name contains an argument, e.g. `npm run bench -- lint`). Each bench
 * prints its own figures; medians are what the closing notes quote.
 */
import { readdir } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
const filters = process.argv.slice(2);
const files = (await readdir(here)).filter((name) => name.endsWith('.bench.ts')).sort();
for (const name of files) {
  if (filters.length > 0 && !filters.some((filter) => name.includes(filter))) continue;
  console.log(`\n== ${name.replace('.bench.ts', '')} ==`);
  const module = (await import(pathToFileURL(path.join(here, name)).href)) as { run: () => Promise<void> };
  await module.run();
}
