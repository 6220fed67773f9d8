import { describe, expect, it } from 'vitest';
import { escapeBlock, escapeCell, escapeInline } from '../../src/render/escape.js';
import { normaliseMarkdown } from '../../src/render/render.js';

// Each case: user text placed in a paragraph or a table cell must come out of
// the Markdown pipeline as literal text.
describe('user text renders literally', () => {
  it.each([
    ['raw HTML', '<script>alert(1)</script>', '\\<script>alert(1)\\</script>\n'],
    ['a leading #', '# not a heading', '\\# not a heading\n'],
    ['emphasis markers', '*a* _b_', '\\*a\\* \\_b\\_\n'],
    ['a link', '[x](javascript:alert(1))', '\\[x]\\(javascript:alert(1))\n'],
    ['an entity', '&lt;', '\\&lt;\n'],
  ])('%s in a paragraph', (_, text, expected) => {
    expect(normaliseMarkdown(escapeInline(text))).toBe(expected);
  });

  it.each([
    ['a pipe', 'a | b', 'a \\| b'],
    ['a newline', 'one\ntwo', 'one<br>two'],
    ['CRLF', 'one\r\ntwo', 'one<br>two'],
  ])('%s in a table cell stays in one cell', (_, text, expected) => {
    const table = normaliseMarkdown(`| h |\n| --- |\n| ${escapeCell(text)} |\n`);
    expect(table.trim().split('\n')).toHaveLength(3);
    expect(table).toContain(expected);
  });

  it('keeps a trailing # in a heading, where it would close the heading', () => {
    expect(normaliseMarkdown(`# ${escapeInline('Outage #')}`)).toBe('# Outage \\#\n');
  });

  it('keeps paragraphs of block text apart and escapes each line start', () => {
    expect(normaliseMarkdown(escapeBlock('# one\n\n- two'))).toBe('\\# one\n\n\\- two\n');
  });
});
