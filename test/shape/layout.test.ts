/**
 * The rules that keep the shape of `src/` honest (see README, "How the code
 * is laid out"): only io/ touches the disk or GitHub, only the edges print or
 * read the process, and a usage error is the CLI's business alone.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(import.meta.dirname, '../../src');
const FILES = readdirSync(SRC, { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.ts'))
  .map((file) => file.split(path.sep).join('/'))
  .sort();
const text = (file: string) => readFileSync(path.join(SRC, file), 'utf8');
/** Code only: comments and string contents would otherwise match (a doc example may show `process.cwd()`). */
const code = (file: string) =>
  text(file)
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/^\s*\/\/.*$/gm, '');

const EDGES = (file: string) => file === 'cli.ts' || file.startsWith('cli/') || file.startsWith('action/');

describe.each([
  {
    rule: 'only io/ imports node:fs, write-file-atomic or @octokit/*',
    pattern: /(from|import\()\s*'(node:fs[^']*|fs|fs\/promises|write-file-atomic|@octokit\/[^']+)'/,
    allowed: (f: string) => f.startsWith('io/'),
  },
  { rule: 'only cli/ and action/ write to stdout or stderr', pattern: /process\.(stdout|stderr)|console\.(log|error|warn|info)/, allowed: EDGES },
  { rule: 'only cli/ and action/ read process', pattern: /\bprocess\.(argv|env|cwd|exit|exitCode)\b/, allowed: EDGES },
  { rule: 'UsageError lives in cli/ only', pattern: /\bUsageError\b/, allowed: (f: string) => f.startsWith('cli/') },
  { rule: 'only action/ imports @actions/*', pattern: /(from|import\()\s*'@actions\//, allowed: (f: string) => f.startsWith('action/') },
])('$rule', ({ pattern, allowed }) => {
  it('holds for every file in src/', () => {
    const breaking = FILES.filter((file) => !allowed(file) && pattern.test(code(file)));
    expect(breaking).toEqual([]);
  });
});

describe('workflows/', () => {
  it('import nothing from io/ or cli/: they get the outside world through the Workspace port', () => {
    const breaking = FILES.filter((file) => file.startsWith('workflows/') && /from '\.\.\/(io|cli)\//.test(code(file)));
    expect(breaking).toEqual([]);
  });
});

describe('the layout', () => {
  it('has no flat modules at the top of src/ besides the public API and the executable', () => {
    expect(FILES.filter((file) => !file.includes('/'))).toEqual(['cli.ts', 'index.ts']);
  });

  it('has a purpose comment at the top of every file', () => {
    const missing = FILES.filter((file) => !/^(#!.*\n)?\/\*\*/.test(text(file)));
    expect(missing).toEqual([]);
  });
});
