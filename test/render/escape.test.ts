import { describe, expect, it } from 'vitest';
import { escapeBlock, escapeCell, escapeInline, escapeIssueText, escapeList } from '../../src/render/escape.js';
import { readMarkdown, remarkNormalise, textOf } from './remark-oracle.js';

// Hostile one-line user text: each must read back as exactly itself, in every place a report puts it.
const HOSTILE = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<!-- a comment --> and <?php ?>',
  '# not a heading',
  '## two and trailing #',
  'Outage #',
  '*a* _b_ **c** __d__',
  'snake_case and __init__ and _x_',
  '[x](javascript:alert(1))',
  '![img](x) and x] y [z',
  '&lt; &amp; &#60; AT&T & co',
  'a | b || c',
  '`code` and ``double``',
  '~~strike~~ and ~one~',
  '> not a quote',
  '- not a list',
  '+ not a list',
  '* not a list',
  '1. not ordered',
  '2) not ordered',
  '---',
  '***',
  '___',
  '===',
  ':-- | --:',
  '-5% and +3',
  'back\\slash \\* and \\_',
  'ends with a backslash \\',
  '<http://example.com> and a < b > c',
  '@mention and @team-a',
] as const;

const PLACES: Array<[place: string, render: (text: string) => string, read: (markdown: string) => string]> = [
  ['a list item', (text) => `- ${escapeInline(text)}\n`, textOf],
  ['a heading', (text) => `# ${escapeInline(text)}\n`, textOf],
  ['strong text in a list item', (text) => `- **${escapeInline(text)}**: after\n`, (markdown) => textOf(markdown).replace(/: after$/, '')],
  ['a paragraph', (text) => `${escapeBlock(text)}\n`, textOf],
  ['a table cell', (text) => `| h |\n| --- |\n| ${escapeCell(text)} |\n`, (markdown) => textOf(markdown).replace(/^h/, '')],
  ['a list after a label', (text) => `- **Tags:** ${escapeList([text, text], ', ')}\n`, (markdown) => textOf(markdown).replace(/^Tags: /, '')],
];

describe('user text renders literally', () => {
  describe.each(PLACES)('in %s', (place, render, read) => {
    it.each(HOSTILE)('%j', (text) => {
      const expected = place === 'a list after a label' ? `${text}, ${text}` : text;
      expect(read(render(text))).toBe(expected);
    });

    it.each(HOSTILE)('%j is already canonical (remark prints the same tree)', (text) => {
      const markdown = render(text);
      expect(readMarkdown(remarkNormalise(markdown))).toEqual(readMarkdown(markdown));
    });
  });

  it.each([
    ['a newline', 'one\ntwo', 'one<br>two'],
    ['CRLF', 'one\r\ntwo', 'one<br>two'],
    ['a pipe', 'a | b', 'a \\| b'],
  ])('%s in a table cell stays in one cell', (_, text, expected) => {
    const table = `| h |\n| --- |\n| ${escapeCell(text)} |\n`;
    expect(remarkNormalise(table).trim().split('\n')).toHaveLength(3);
    expect(table).toContain(expected);
  });

  it('keeps paragraphs of block text apart and escapes each line start', () => {
    expect(escapeBlock('# one\n\n- two')).toBe('\\# one\n\n\\- two');
  });

  it.each([
    ['intraword underscores stay bare', 'max_connections', 'max_connections'],
    ['a lone underscore is escaped', '_x_', '\\_x\\_'],
    ['a < before a space stays bare', 'a < b', 'a < b'],
    ['a < before a letter is escaped', '<b>', '\\<b>'],
    ['an entity is escaped', '&lt;', '\\&lt;'],
    ['a bare ampersand stays', 'R & D', 'R & D'],
    ['a backslash before a letter stays', 'C:\\temp', 'C:\\temp'],
  ])('canonical form: %s', (_, text, expected) => {
    expect(escapeInline(text)).toBe(expected);
  });
});

describe('issue bodies (GitHub renders them; no HTML, no mentions)', () => {
  it.each([
    ['<b>bold</b>', '&lt;b&gt;bold&lt;/b&gt;'],
    ['ping @team now', 'ping @\u2060team now'],
    ['a | b', 'a \\| b'],
    ['line one\nline two', 'line one line two'],
    ['line one\r\nline two', 'line one line two'],
    ['<!-- postmortem:v1 {} -->', '&lt;!-- postmortem:v1 {} --&gt;'],
    ['*a* _b_ `c` [d]', '\\*a\\* \\_b\\_ \\`c\\` \\[d\\]'],
  ])('escapes %j', (text, expected) => {
    expect(escapeIssueText(text)).toBe(expected);
  });

  it.each(HOSTILE)('%j reads back as itself, with mentions broken', (text) => {
    expect(textOf(escapeIssueText(text))).toBe(text.replace(/@(?=[A-Za-z0-9])/g, '@\u2060'));
  });
});
