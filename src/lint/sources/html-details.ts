/**
 * GitHub renders the text inside a `<details>` HTML block, so a blaming
 * sentence hidden in a collapsed section is still published. This reads
 * that text and nothing else of the HTML: tags, the `<summary>` label,
 * and `<pre>`, `<code>`, `<blockquote>`, `<script>`, `<style>` elements
 * (logs, code, quotes) are blanked with spaces of the same length, so an
 * offset in the result is an offset in the source.
 *
 * @example
 * maskDetails('<details><summary>Log</summary>Kim broke it.</details>').trim() // 'Kim broke it.'
 */

/** Does this HTML start a `<details>` element? */
export function isDetailsHtml(html: string): boolean {
  return /^ {0,3}<details[\s>]/i.test(html);
}

const NOT_PROSE = /<(summary|pre|code|blockquote|script|style)\b[^>]*>[^]*?<\/\1\s*>|<!--[^]*?-->|<\/?[A-Za-z][^>]*>/gi;

/** The readable text of a `<details>` block, other characters blanked (line breaks kept). */
export function maskDetails(html: string): string {
  return html.replace(NOT_PROSE, (m) => m.replace(/[^\n]/g, ' '));
}
