/**
 * Maps offsets in a parsed string value back to offsets in the source text
 * it came from. YAML folds lines, strips indentation, unescapes `\"` and
 * `''`; Markdown decodes entities. Rather than re-implementing each syntax,
 * the aligner walks value and source together: whitespace in the value
 * matches any run of source whitespace (a folded line break, indentation),
 * and any other character is found a few characters ahead (past a quote, a
 * backslash, a block header). An escape that produced a character absent
 * from the source (`\u00e9`) maps to where the escape starts.
 *
 * @example
 * const map = alignValue('a b', '"a\n  b"', 0, 7);
 * map.offsetOf(2) // 5: the `b` on the second line
 */
export interface OffsetMap {
  /** Source offset of the value character at `index` (the value's length maps past its last character). */
  offsetOf(index: number): number;
}

const LOOKAHEAD = 12;

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}

export function alignValue(value: string, source: string, start: number, end: number): OffsetMap {
  const map = new Int32Array(value.length + 1);
  let p = start;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (isSpace(code)) {
      map[i] = p;
      while (p < end && isSpace(source.charCodeAt(p))) p++;
      if (source.charCodeAt(p) === 0x5c && /[nt\n\r ]/.test(source[p + 1] ?? '')) p += 2;
      continue;
    }
    while (p < end && isSpace(source.charCodeAt(p))) p++;
    if (source.charCodeAt(p) === code) {
      map[i] = p++;
      continue;
    }
    const limit = Math.min(end, p + LOOKAHEAD);
    let k = p + 1;
    while (k < limit && source.charCodeAt(k) !== code) k++;
    if (k < limit) {
      map[i] = k;
      p = k + 1;
    } else {
      map[i] = p;
      if (source.charCodeAt(p) === 0x5c) p = skipEscape(source, p);
    }
  }
  map[value.length] = value.length > 0 ? Math.min(end, map[value.length - 1]! + 1) : start;
  return { offsetOf: (index) => map[Math.max(0, Math.min(index, value.length))]! };
}

/** Past a YAML double-quoted escape: `\xNN`, `\uNNNN`, `\UNNNNNNNN` or a single character. */
function skipEscape(source: string, p: number): number {
  const kind = source[p + 1];
  if (kind === 'x') return p + 4;
  if (kind === 'u') return p + 6;
  if (kind === 'U') return p + 10;
  return p + 2;
}

/** The source range of value characters [from, to). */
export function sourceRange(map: OffsetMap, from: number, to: number): [number, number] {
  const start = map.offsetOf(from);
  const last = map.offsetOf(Math.max(from, to - 1));
  return [start, Math.max(start + 1, last + 1)];
}
