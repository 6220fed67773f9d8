/**
 * The one Markdown escaper: user text renders literally wherever it lands.
 * `<script>` shows as text, `*` is not emphasis, a leading `#` is not a
 * heading, `|` does not break a table and a newline does not split a table
 * row. Each destination has its helper: a line of a report (`escapeInline`),
 * prose of several paragraphs (`escapeBlock`), a table cell (`escapeCell`)
 * and a GitHub issue body (`escapeIssueText`).
 *
 * Report escapes are already in the canonical form remark would print (a
 * character is escaped only where it could be syntax: `a_b` and `a < b` stay
 * as they are), so a rendered report needs no Markdown re-parse. The tests
 * hold them to remark's reading as an oracle.
 *
 * @example
 * escapeInline('a | b <script>') // → 'a \\| b \\<script>'
 */

/** What one character becomes at `index` of `text`; undefined keeps it as it is. */
type CharRule = (text: string, index: number) => string | undefined;

const backslash: CharRule = (text, index) => `\\${text[index]}`;
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;
// Unicode punctuation, symbols and white space: what may stand next to emphasis markers.
const NOT_WORD = /[\s\p{P}\p{S}]/u;
const isWord = (char: string | undefined) => char !== undefined && !NOT_WORD.test(char);

/** `_` inside a word (`balance_v2`) cannot form emphasis and stays bare; any other run is escaped. */
const underscore: CharRule = (text, index) => {
  let start = index;
  while (text[start - 1] === '_') start--;
  let end = index;
  while (text[end + 1] === '_') end++;
  return isWord(text[start - 1]) && isWord(text[end + 1]) ? undefined : '\\_';
};

/** Report text: only what could start Markdown or GFM syntax inside a line. */
const REPORT_RULES = ruleSet({
  // A backslash escapes only punctuation (and breaks a line at its end).
  '\\': (text, index) => (index + 1 >= text.length || ASCII_PUNCTUATION.test(text[index + 1]!) ? '\\\\' : undefined),
  '`': backslash,
  '*': backslash,
  '[': backslash,
  ']': backslash,
  '|': backslash,
  '~': backslash,
  _: underscore,
  // HTML, comments and autolinks start with `<` and one of these.
  '<': (text, index) => (/[!/?A-Za-z]/.test(text[index + 1] ?? '') ? '\\<' : undefined),
  // A character reference starts with `&#` or `&` and a letter.
  '&': (text, index) => (/[#A-Za-z]/.test(text[index + 1] ?? '') ? '\\&' : undefined),
});

/** Issue bodies: no HTML at all (a fake marker comment), no mentions, one line. */
const ISSUE_RULES = ruleSet({
  '&': () => '&amp;',
  '<': () => '&lt;',
  '>': () => '&gt;',
  '\\': backslash,
  '`': backslash,
  '*': backslash,
  _: backslash,
  '[': backslash,
  ']': backslash,
  '|': backslash,
  '~': backslash,
  // A word joiner after `@` keeps the text readable but stops GitHub from linking and notifying.
  '@': (text, index) => (/[A-Za-z0-9]/.test(text[index + 1] ?? '') ? '@\u2060' : undefined),
  '\r': (text, index) => (text[index + 1] === '\n' ? '' : undefined),
  '\n': () => ' ',
});

/**
 * A rule set with the search for its characters: most text holds none of them, and jumping from one to
 * the next is cheaper than looking up every character (escaping was a tenth of rendering a report).
 */
interface RuleSet {
  rules: Record<string, CharRule>;
  pattern: RegExp;
}

function ruleSet(rules: Record<string, CharRule>): RuleSet {
  const chars = Object.keys(rules).map((char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return { rules, pattern: new RegExp(`[${chars.join('')}]`, 'g') };
}

function applyRules(text: string, { rules, pattern }: RuleSet): string {
  pattern.lastIndex = 0;
  let out = '';
  let kept = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    const replacement = rules[match[0]]!(text, match.index);
    if (replacement === undefined) continue;
    out += text.slice(kept, match.index) + replacement;
    kept = match.index + 1;
  }
  return kept === 0 ? text : out + text.slice(kept);
}

// What matters only where a line starts: headings, quotes, setext underlines,
// list markers, ordered-list numbers and GFM table delimiter rows.
const LINE_START = /^(?:[#>=]|[+](?=[ \t]|$)|-(?=[ \t:|-]|$)|:(?=-)|\d+(?:[.](?=[ \t]|$)|\)))/;

function escapeLineStart(line: string, escaped: string): string {
  const marker = LINE_START.exec(line)?.[0];
  // A marker a rule already changed (`>` → `&gt;` in an issue) no longer reads as one.
  if (marker === undefined || !escaped.startsWith(marker)) return escaped;
  return `${marker.slice(0, -1)}\\${escaped.slice(marker.length - 1)}`;
}

/** One line of report text that may start a line (a list item, a paragraph line, a heading). */
export function escapeInline(text: string): string {
  const escaped = escapeLineStart(text, applyRules(text, REPORT_RULES));
  // In a heading, a run of `#` after a space at the end is read as its closing sequence.
  return /\s#+\s*$/.test(escaped) ? escaped.replace(/#(\s*)$/, '\\#$1') : escaped;
}

function lines(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .trim()
    .split('\n')
    .map((line) => line.trim());
}

/** Prose that may hold several paragraphs: each line escaped, blank lines kept as paragraph breaks. */
export function escapeBlock(text: string): string {
  return lines(text)
    .map((line) => escapeLineStart(line, applyRules(line, REPORT_RULES)))
    .join('\n');
}

/** One table cell: escaped, and line breaks kept as `<br>` so the row stays one row. */
export function escapeCell(text: string): string {
  // A cell never starts a line, so line-start markers stay as they are.
  return lines(text)
    .map((line) => applyRules(line, REPORT_RULES))
    .join('<br>');
}

/** A list of items on one line (`a, b`): only the first item can start the line. */
export function escapeList(items: readonly string[], separator: string): string {
  return items.map((item, index) => (index === 0 ? escapeInline(item) : applyRules(item, REPORT_RULES))).join(separator);
}

/** Text for a line of a GitHub issue body: no HTML, no mentions, no line breaks, no block markers at its start. */
export function escapeIssueText(text: string): string {
  return escapeLineStart(text, applyRules(text, ISSUE_RULES));
}

/** A link target safe in Markdown: spaces and parentheses percent-encoded. */
export function markdownHref(target: string): string {
  return encodeURI(target).replace(/\(/g, '%28').replace(/\)/g, '%29');
}
