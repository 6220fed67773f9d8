/**
 * The one policy for user text that reaches a terminal or a message: every
 * control character (C0, DEL and C1, which include the terminal escape
 * introducers) is shown as a visible escape, so a pasted log line, a hostile
 * issue title or a stray newline can neither move the cursor nor break the
 * one-line shape of a diagnostic.
 *
 * @example
 * showControlChars('a\u001b[2Jb') // → 'a\\u001b[2Jb'
 * showControlChars('a\nb')        // → 'a\\nb'
 */
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

const NAMED: Record<string, string> = { '\n': '\\n', '\t': '\\t', '\r': '\\r' };

function visible(c: string): string {
  return NAMED[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

export function showControlChars(text: string): string {
  return text.replace(CONTROL, visible);
}
