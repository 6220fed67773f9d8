/**
 * User text renders literally wherever it lands: `<script>` shows as text,
 * `*` is not emphasis, a leading `#` is not a heading, `|` does not break a
 * table and a newline does not split a table row. The remark pass after
 * rendering re-serialises the escapes into their canonical form.
 *
 * @example
 * escapeInline('a | b <script>') // → 'a \\| b \\<script\\>'
 */

// Characters that change Markdown/GFM syntax anywhere in a line. Escaping
// only these (not every punctuation mark) keeps the remark pass fast.
const INLINE_SPECIALS = /[\\`*_[\]<|~&]/g;
// Characters that matter only where a line starts: headings, lists, quotes,
// setext underlines, ordered-list numbers.
const LINE_START = /^(\s*)([#>+=-]|\d+[.)])/;

export function escapeInline(text: string): string {
  return text
    .replace(INLINE_SPECIALS, (char) => (char === '&' ? '&amp;' : `\\${char}`))
    .replace(LINE_START, (_, space: string, marker: string) => `${space}${marker.replace(/^(\d*)(.)$/, '$1\\$2')}`)
    // In a heading, a trailing run of `#` is read as its closing sequence.
    .replace(/(\s)(#+)(\s*)$/, '$1\\$2$3');
}

function escapeLines(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .trim()
    .split('\n')
    .map((line) => escapeInline(line.trim()));
}

/** Prose that may hold several paragraphs: each line escaped, blank lines kept as paragraph breaks. */
export function escapeBlock(text: string): string {
  return escapeLines(text).join('\n');
}

/** One table cell: escaped, and line breaks kept as `<br>` so the row stays one row. */
export function escapeCell(text: string): string {
  return escapeLines(text).join('<br>');
}

/** A link target safe in Markdown: spaces and parentheses percent-encoded. */
export function markdownHref(target: string): string {
  return encodeURI(target).replace(/\(/g, '%28').replace(/\)/g, '%29');
}
