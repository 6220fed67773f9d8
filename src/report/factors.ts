/**
 * Contributing factors that recur across incidents. Factors are written
 * freely, so two teams rarely word one cause the same way: each factor is
 * reduced to a key of its content words (lower case, punctuation and common
 * words dropped, simple plural and tense endings trimmed, order ignored),
 * and keys whose word sets overlap by at least `NEAR_DUPLICATE` (Jaccard)
 * are grouped. Only groups seen in two or more incidents are returned.
 *
 * @example
 * groupFactors([{ incident: 'a', factors: ['No canary stage'] }, { incident: 'b', factors: ['No canary stages.'] }])
 * // → [{ factor: 'No canary stage', variants: ['No canary stage', 'No canary stages.'], incidents: ['a', 'b'] }]
 */

export interface FactorGroup {
  /** The wording seen most often (ties: the first in sorted order). */
  factor: string;
  /** Every wording in the group, sorted. */
  variants: string[];
  /** Incident ids, sorted. */
  incidents: string[];
}

/** Word-set overlap at which two factors count as the same. */
export const NEAR_DUPLICATE = 0.75;

const STOP_WORDS = new Set(
  'a an and are as at be been by for from had has have in into is it its no not of on or our that the their there this to was were which while with'.split(' '),
);

/** The content words of a factor, as a sorted, de-duplicated list. */
export function factorWords(text: string): string[] {
  const words = text
    .toLowerCase()
    .normalize('NFKC')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0 && !STOP_WORDS.has(word))
    .map(stem);
  return [...new Set(words)].sort();
}

function stem(word: string): string {
  if (word.length > 5 && word.endsWith('ing')) return word.slice(0, -3);
  if (word.length > 4 && word.endsWith('ed')) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

function jaccard(a: readonly string[], b: readonly string[]): number {
  const set = new Set(a);
  const shared = b.filter((word) => set.has(word)).length;
  return shared / (a.length + b.length - shared);
}

/** Groups the factors of many incidents; cost grows with the number of distinct wordings. */
export function groupFactors(entries: ReadonlyArray<{ incident: string; factors: readonly string[] }>): FactorGroup[] {
  const byKey = new Map<string, { words: string[]; wordings: Map<string, number>; incidents: Set<string> }>();
  for (const { incident, factors } of entries) {
    for (const factor of factors) {
      const words = factorWords(factor);
      if (words.length === 0) continue;
      const key = words.join(' ');
      let entry = byKey.get(key);
      if (!entry) byKey.set(key, (entry = { words, wordings: new Map(), incidents: new Set() }));
      entry.wordings.set(factor, (entry.wordings.get(factor) ?? 0) + 1);
      entry.incidents.add(incident);
    }
  }
  const keys = [...byKey.keys()].sort();
  const parent = keys.map((_, index) => index);
  const root = (index: number): number => (parent[index] === index ? index : (parent[index] = root(parent[index]!)));
  // Candidates share a word; a word used by very many wordings says little and is skipped.
  const postings = new Map<string, number[]>();
  keys.forEach((key, index) => {
    for (const word of byKey.get(key)!.words) {
      const list = postings.get(word);
      if (list) list.push(index);
      else postings.set(word, [index]);
    }
  });
  keys.forEach((key, index) => {
    const words = byKey.get(key)!.words;
    const rarest = [...words].sort((a, b) => postings.get(a)!.length - postings.get(b)!.length)[0]!;
    for (const other of postings.get(rarest)!.slice(0, 200)) {
      if (other <= index || root(other) === root(index)) continue;
      if (jaccard(words, byKey.get(keys[other]!)!.words) >= NEAR_DUPLICATE) parent[root(other)] = root(index);
    }
  });
  const groups = new Map<number, { wordings: Map<string, number>; incidents: Set<string> }>();
  keys.forEach((key, index) => {
    const entry = byKey.get(key)!;
    let group = groups.get(root(index));
    if (!group) groups.set(root(index), (group = { wordings: new Map(), incidents: new Set() }));
    for (const [wording, count] of entry.wordings) group.wordings.set(wording, (group.wordings.get(wording) ?? 0) + count);
    for (const incident of entry.incidents) group.incidents.add(incident);
  });
  return [...groups.values()]
    .filter((group) => group.incidents.size >= 2)
    .map((group) => {
      const variants = [...group.wordings.keys()].sort();
      const factor = variants.reduce((best, wording) => (group.wordings.get(wording)! > group.wordings.get(best)! ? wording : best));
      return { factor, variants, incidents: [...group.incidents].sort() };
    })
    .sort((a, b) => b.incidents.length - a.incidents.length || (a.factor < b.factor ? -1 : a.factor > b.factor ? 1 : 0));
}
