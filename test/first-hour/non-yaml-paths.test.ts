/** `validate postmortems/*` also names the generated reports: they are skipped with one info line, not parsed as YAML. */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { folderWith, run } from './run-in-process.js';

const incident = await readFile(new URL('../fixtures/valid/incident.yaml', import.meta.url), 'utf8');

describe('non-YAML files named as PATHS', () => {
  it.each([['validate'], ['build']])('`%s postmortems/*` skips the Markdown reports with one info line', async (command) => {
    const dir = await folderWith({
      'postmortems/incident.yaml': incident,
      'postmortems/incident.md': '# A report\n\n| a | b |\n',
      'postmortems/notes.txt': 'key: [unclosed\n',
    });
    const result = await run(dir, [command, 'postmortems/incident.yaml', 'postmortems/incident.md', 'postmortems/notes.txt']);
    expect(result.stderr).toContain('info: skipped 2 files that are not YAML (*.yaml, *.yml): postmortems/incident.md, postmortems/notes.txt\n');
    expect(result.stderr.match(/skipped/g)).toHaveLength(1);
    expect(result.stdout).not.toMatch(/incident\.md:|notes\.txt:/);
    expect(result.code).toBe(0);
  });
});
