/** Diagnostics name docs by path; in a repository that installed the package, the path must lead into node_modules. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiagnostics } from '../../src/diagnostics/format/index.js';
import { createDiagnostic } from '../../src/diagnostics/diagnostic.js';
import { docsFolderFor } from '../../src/io/package-docs.js';

describe('docsFolderFor', () => {
  it.each([
    ['this repository (docs/ beside the sources)', '/work/repo', '/work/repo/docs/', 'docs/'],
    ['installed in the repository run from', '/home/me/ops', '/home/me/ops/node_modules/postmortems/docs/', 'node_modules/postmortems/docs/'],
    ['installed, run from a subfolder', '/home/me/ops/postmortems', '/home/me/ops/node_modules/postmortems/docs/', '../node_modules/postmortems/docs/'],
  ])('%s', (_, cwd, docs, expected) => {
    expect(docsFolderFor(cwd, docs.split('/').join(path.sep))).toBe(expected);
  });
});

describe('formatDiagnostics with a docs folder', () => {
  const diagnostic = createDiagnostic({
    file: 'postmortems/a.yaml',
    line: 1,
    column: 1,
    ruleId: 'schema/unknown-field',
    message: 'Unknown field `x` (see docs/format.md)',
    path: 'x',
  });

  it('moves the link and the "see docs/…" pointer, in every format', () => {
    const json = JSON.parse(formatDiagnostics([diagnostic], 'json', { docsFolder: 'node_modules/postmortems/docs/' })) as Array<{
      url: string;
      message: string;
    }>;
    expect(json[0]!.url).toBe('node_modules/postmortems/docs/rules.md#schemaunknown-field');
    expect(json[0]!.message).toBe('Unknown field `x` (see node_modules/postmortems/docs/format.md)');
    expect(formatDiagnostics([diagnostic], 'text', { docsFolder: 'node_modules/postmortems/docs/' })).toContain('see node_modules/postmortems/docs/format.md');
  });

  it('leaves them as they are in this repository', () => {
    const json = JSON.parse(formatDiagnostics([diagnostic], 'json', { docsFolder: 'docs/' })) as Array<{ url: string }>;
    expect(json[0]!.url).toBe('docs/rules.md#schemaunknown-field');
  });
});
