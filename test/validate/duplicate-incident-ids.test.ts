/** Incident ids are unique across the whole incidents folder: sync keys GitHub issues by them. */
import { describe, expect, it } from 'vitest';
import { folderWith, run } from '../first-hour/run-in-process.js';
import { MINIMAL } from './minimal.js';

describe('duplicate incident ids', () => {
  it.each([
    ['the whole folder', [], 2],
    ['PATHS naming one of the two files', ['postmortems/2024-01-16-copy.yaml'], 1],
  ])('are an error when validating %s', async (_, paths, errors) => {
    const dir = await folderWith({
      'postmortems/2024-01-15-checkout.yaml': `id: checkout\n${MINIMAL}`,
      'postmortems/2024-01-16-copy.yaml': `id: checkout\n${MINIMAL}`,
    });
    const result = await run(dir, ['validate', ...paths, '--format', 'json']);
    expect(result.code).toBe(1);
    const found = (JSON.parse(result.stdout) as Array<{ file: string; ruleId: string; line: number; path: string; message: string }>).filter(
      (d) => d.ruleId === 'schema/duplicate-incident-id',
    );
    expect(found).toHaveLength(errors);
    expect(found.at(-1)).toMatchObject({
      file: 'postmortems/2024-01-16-copy.yaml',
      line: 1,
      path: 'id',
      message: 'Incident id `checkout` is also the id of postmortems/2024-01-15-checkout.yaml; each incident needs its own id',
      cause: { file: 'postmortems/2024-01-15-checkout.yaml', line: null, column: null, message: 'another file with incident id `checkout`' },
    });
  });

  it('same-named files in two folders share the id their file name gives them', async () => {
    const dir = await folderWith({ 'postmortems/a/2024-01-15-db.yaml': MINIMAL, 'postmortems/b/2024-01-15-db.yaml': MINIMAL });
    const result = await run(dir, ['validate']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('Incident id `2024-01-15-db` is also the id of postmortems/b/2024-01-15-db.yaml');
  });
});
