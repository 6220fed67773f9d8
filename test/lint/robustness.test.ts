/**
 * Bad input never throws: deterministic pseudo-random documents built from
 * the characters that matter to the parsers (quotes, fences, markers, escapes,
 * line breaks) still give diagnostics whose positions lie inside the file.
 */
import { describe, expect, it } from 'vitest';
import { lintIncidentSource, lintMarkdown } from '../../src/lint/index.js';

const PIECES = [
  'Kim took down ',
  'the API',
  '. ',
  '\n',
  '\n\n',
  '  ',
  '- ',
  '> ',
  '# ',
  '```',
  '`',
  '"',
  "'",
  '\\',
  '|',
  '<!--',
  '-->',
  '*',
  '_',
  '[x](',
  ')',
  ':',
  'summary: ',
  '  - ',
  'obviously ',
  'careless',
  '\r\n',
  '\u2019',
  'é',
  '\uFEFF',
  '{',
  '}',
  '&amp;',
  'http://a.b/c ',
];

function randomDocument(seed: number): string {
  let state = seed;
  let out = '';
  for (let i = 0; i < 60; i++) {
    state = (state * 1103515245 + 12345) % 2147483648;
    out += PIECES[state % PIECES.length];
  }
  return out;
}

describe.each(Array.from({ length: 40 }, (_, i) => i + 1))('seed %i', (seed) => {
  const text = randomDocument(seed);
  const lines = text.split('\n').length;
  it.each([
    ['Markdown', () => lintMarkdown('a.md', text)],
    ['YAML', () => lintIncidentSource('a.yaml', `summary: ${text}`)],
    ['YAML block', () => lintIncidentSource('a.yaml', `summary: |\n  ${text.replace(/\n/g, '\n  ')}`)],
  ] as const)('%s', (_, lint) => {
    const diagnostics = lint();
    for (const d of diagnostics) {
      if (d.line === null) continue;
      expect(d.line).toBeGreaterThanOrEqual(1);
      expect(d.line).toBeLessThanOrEqual(lines * 2 + 2);
      expect(d.column).toBeGreaterThanOrEqual(1);
    }
  });
});

it('the random documents do exercise the rules', () => {
  const total = Array.from({ length: 40 }, (_, i) => lintMarkdown('a.md', randomDocument(i + 1)).length).reduce((a, b) => a + b, 0);
  expect(total).toBeGreaterThan(10);
});

it('control characters in a flagged phrase are escaped, not printed', () => {
  const [d] = lintMarkdown('a.md', 'Kim took\u001b[2J down the API.\n', { people: ['kim'] });
  expect(d!.message).toContain('`Kim took\\u001b[2J down`');
  expect(d!.message).not.toContain('\u001b');
});
