/**
 * The loader's edge cases: encodings, line endings, documents, and inputs
 * built to hurt a parser (alias bombs, prototype keys, deep nesting, big files).
 */
import { describe, expect, it } from 'vitest';
import { formatLine } from '../../src/diagnostics/format/text.js';
import { locatePath, MAX_FILE_BYTES, parseYamlSource } from '../../src/load/parse.js';
import { DEFAULT_CONFIG } from '../../src/config/config.js';
import { checkIncident } from '../../src/validate/check-incident.js';
import { MINIMAL } from '../validate/minimal.js';

const utf8 = (text: string) => new TextEncoder().encode(text);
const bytes = (...parts: Array<string | number[]>) => new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...utf8(p)] : p)));
const lines = (input: string | Uint8Array) => parseYamlSource('f.yaml', input).diagnostics.map(formatLine);

describe('parseYamlSource: rejected input', () => {
  const billionLaughs = [
    'a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]',
    'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]',
    'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]',
    'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]',
    'e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]',
    'f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]',
    'g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]',
    'h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]',
  ].join('\n');

  it.each<[string, string | Uint8Array, string[]]>([
    ['two documents', 'a: 1\n---\nb: 2\n', ['2:1-2:4 error Found 2 YAML documents; an incident file holds exactly one schema/multi-document']],
    [
      'a trailing separator starts a second document',
      'a: 1\n---\n',
      ['2:1-2:4 error Found 2 YAML documents; an incident file holds exactly one schema/multi-document'],
    ],
    [
      'invalid UTF-8, with the line and column of the first bad byte',
      bytes('title: x\nsummary: ab', [0xff, 0xfe], '\n'),
      ['2:12 error The file is not valid UTF-8 (byte 0xff at offset 20) schema/encoding'],
    ],
    [
      'a Latin-1 é (a cut multi-byte lead) after multi-byte text',
      bytes('title: Ünïcode\nsummary: caf', [0xe9], '\n'),
      ['2:13 error The file is not valid UTF-8 (byte 0xe9 at offset 29) schema/encoding'],
    ],
    ['a complete é followed by a stray byte', bytes('a: é', [0xff]), ['1:5 error The file is not valid UTF-8 (byte 0xff at offset 5) schema/encoding']],
    [
      'a NUL byte (binary file)',
      bytes('title: x\n', [0, 1, 2]),
      ['- error This looks like a binary file (a NUL byte at offset 9), not YAML text schema/binary'],
    ],
    ['a NUL character in a string', 'title: x\0\n', ['- error This looks like a binary file (a NUL byte at offset 8), not YAML text schema/binary']],
    [
      'a billion laughs',
      billionLaughs,
      ['2:8-2:10 error YAML aliases expand too far (Excessive alias count indicates a resource exhaustion attack) (b[0]) schema/alias-limit'],
    ],
    ['an alias without an anchor', 'a: *nope\n', ['1:4-1:9 error The alias `*nope` names no anchor defined before it (a) schema/unknown-alias']],
    [
      'an alias inside its own anchor',
      'x-a: &a [1, *a]\n',
      ['1:13-1:15 error The alias `*a` is inside the value it refers to (x-a[1]) schema/recursive-alias'],
    ],
    ['a mapping that refers to itself', '&m {b: *m}\n', ['1:8-1:10 error The alias `*m` is inside the value it refers to (b) schema/recursive-alias']],
    ['a __proto__ key', 'a: 1\n__proto__:\n  polluted: yes\n', ['2:1-2:10 error The key `__proto__` is not allowed (__proto__) schema/forbidden-key']],
    [
      'a quoted __proto__ key and a constructor key, nested',
      'a:\n  "__proto__": {polluted: yes}\n  constructor: 1\n',
      [
        '2:3-2:14 error The key `__proto__` is not allowed (a.__proto__) schema/forbidden-key',
        '3:3-3:14 error The key `constructor` is not allowed (a.constructor) schema/forbidden-key',
      ],
    ],
    ['a duplicate key', 'a: 1\nb: 2\na: 3\n', ['3:1-3:2 error Duplicate key `a`: each key may appear once in a mapping (a) schema/duplicate-key']],
    [
      'keys that collide once read (1 and "1")',
      'x:\n  1: a\n  "1": b\n',
      ['3:3-3:6 error Duplicate key `1`: each key may appear once in a mapping (x["1"]) schema/duplicate-key'],
    ],
    ['a list as a key', '? [a, b]\n: c\n', ['1:3-1:9 error A key must be plain text, not a list, mapping or alias schema/complex-key']],
    ['an empty file', '', ['- error The file is empty; an incident file is a YAML mapping schema/empty-file']],
    ['only comments', '# nothing yet\n', ['- error The file is empty; an incident file is a YAML mapping schema/empty-file']],
    [
      'nesting deeper than any incident needs',
      `a: ${'['.repeat(70)}${']'.repeat(70)}\n`,
      ['1:67 error The YAML nests more than 64 levels deep schema/too-deep'],
    ],
    [
      'nesting deep enough to exhaust the parser',
      `a: ${'['.repeat(5000)}${']'.repeat(5000)}\n`,
      ['1:787-1:788 error The YAML nests too deeply to read schema/too-deep'],
    ],
    ['a tab as indentation', 'a:\n\tb: 1\n', ['2:1 error The line of `b` is indented with a tab schema/yaml-syntax']],
  ])('%s', (_name, input, expected) => {
    const result = parseYamlSource('f.yaml', input);
    expect(result.diagnostics.map(formatLine)).toEqual(expected);
    expect(result.data).toBeNull();
  });

  it('does not pollute Object.prototype', () => {
    parseYamlSource('f.yaml', '__proto__:\n  polluted: yes\nconstructor:\n  prototype:\n    polluted: yes\n');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('refuses a file over the size limit before parsing it', () => {
    const result = parseYamlSource('big.yaml', new Uint8Array(MAX_FILE_BYTES + 1).fill(0x61));
    expect(result.diagnostics.map((d) => d.ruleId)).toEqual(['schema/file-too-large']);
  });
});

describe('parseYamlSource: accepted input', () => {
  it('strips a BOM and keeps columns counted from the first visible character', () => {
    const result = parseYamlSource('f.yaml', bytes([0xef, 0xbb, 0xbf], 'title: x\nsummary: y\n'));
    expect(result.data).toEqual({ title: 'x', summary: 'y' });
    expect(result.source?.hasBom).toBe(true);
    expect(locatePath(result.source, ['title'])).toEqual({ line: 1, column: 8, endLine: 1, endColumn: 9 });
  });

  it('reads CRLF line endings with the same lines and columns as LF', () => {
    const crlf = MINIMAL.replace(/\n/g, '\r\n').replace('SEV2', 'SEV9');
    const [diagnostic] = checkIncident('f.yaml', crlf, DEFAULT_CONFIG).diagnostics;
    expect(formatLine(diagnostic!)).toBe('3:11-3:15 error `SEV9` is not on the severity scale (severity) schema/severity');
    const result = parseYamlSource('f.yaml', 'a: 1\r\nb:\r\n  c: two words\r\n');
    expect(locatePath(result.source, ['b', 'c'])).toEqual({ line: 3, column: 6, endLine: 3, endColumn: 15 });
  });

  it('keeps CRLF out of the values of block scalars', () => {
    const result = parseYamlSource('f.yaml', 'a: |\r\n  one\r\n  two\r\n');
    expect(result.data).toEqual({ a: 'one\ntwo\n' });
  });

  it('allows small aliases and expands them', () => {
    expect(parseYamlSource('f.yaml', 'a: &x hello\nb: *x\n').data).toEqual({ a: 'hello', b: 'hello' });
  });

  it('reads YAML 1.2 scalars: times and yes/no stay text, even under %YAML 1.1', () => {
    const expected = { time: '10:03', answer: 'yes', date: '2024-01-15' };
    expect(parseYamlSource('f.yaml', 'time: 10:03\nanswer: yes\ndate: 2024-01-15\n').data).toEqual(expected);
    expect(parseYamlSource('f.yaml', '%YAML 1.1\n---\ntime: 10:03\nanswer: yes\ndate: 2024-01-15\n').data).toEqual(expected);
  });

  it('accepts a document end marker', () => {
    expect(parseYamlSource('f.yaml', 'a: 1\n...\n').diagnostics).toEqual([]);
  });

  it('parses a list (the validator, not the loader, wants a mapping)', () => {
    expect(parseYamlSource('f.yaml', '- a\n- b\n').data).toEqual(['a', 'b']);
    expect(checkIncident('f.yaml', '- a\n- b\n', DEFAULT_CONFIG).diagnostics.map(formatLine)).toEqual([
      '1:1-2:4 error The document must be a mapping, not a list of 2 schema/type',
    ]);
  });

  it('parses an incident just under the 4 MiB ceiling to completion (timing lives in bench/load.bench.ts)', () => {
    const entry = (i: number) =>
      `  - time: "2024-01-15 ${String(Math.floor(i / 3600) % 24).padStart(2, '0')}:${String(Math.floor(i / 60) % 60).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}"\n    event: Step ${i} of the rollback finished and the dashboards were checked\n`;
    const head = MINIMAL.slice(0, MINIMAL.indexOf('timeline:'));
    const tail = MINIMAL.slice(MINIMAL.indexOf('root_cause:'));
    const entries: string[] = [];
    let size = head.length + tail.length;
    for (let i = 0; size < MAX_FILE_BYTES - 200; i++) {
      entries.push(entry(i % 86_400));
      size += entries[entries.length - 1]!.length;
    }
    const text = `${head}timeline:\n${entries.join('')}${tail}`;
    expect(text.length).toBeGreaterThanOrEqual(MAX_FILE_BYTES - 200);
    expect(text.length).toBeLessThanOrEqual(MAX_FILE_BYTES);
    const checked = checkIncident('big.yaml', text, DEFAULT_CONFIG);
    expect(checked.incident?.timeline.length).toBe(entries.length);
  });
});

describe('locatePath', () => {
  const source = parseYamlSource('f.yaml', 'impact:\n  description: >\n    two\n    lines\n\nlist:\n  - a: 1\n').source;

  it.each<[string, Array<string | number>, object]>([
    ['a value', ['impact', 'description'], { line: 2, column: 16, endLine: 4, endColumn: 10 }],
    ['a missing field under an existing key: the key', ['impact', 'users_affected'], { line: 1, column: 1, endLine: 1, endColumn: 7 }],
    ['two missing levels: the deepest existing key', ['impact', 'nested', 'deeper'], { line: 1, column: 1, endLine: 1, endColumn: 7 }],
    ['a missing field in a list entry: where the entry starts', ['list', 0, 'b'], { line: 7, column: 5 }],
    ['a missing list entry: the list key', ['list', 5], { line: 6, column: 1, endLine: 6, endColumn: 5 }],
    ['a missing top-level field: the document start', ['title'], { line: 1, column: 1 }],
  ])('%s', (_name, path, expected) => {
    expect(locatePath(source!, path)).toEqual(expected);
  });

  it('points at the key itself when asked', () => {
    expect(locatePath(source!, ['impact', 'description'], { key: true })).toEqual({ line: 2, column: 3, endLine: 2, endColumn: 14 });
  });
});
