/**
 * The features the blame model reads off one sentence: word unigrams and
 * bigrams (a listed person's name becomes `<person>`, a number `<num>`, so
 * the model learns "a person" rather than "Chidi"), plus a few grammar cues
 * the rules already compute (a person or role as subject, a pronoun, a past
 * tense verb after a person, "should/would/could have", negation). Each
 * feature is hashed into a fixed number of buckets: the weights hold numbers
 * only, never the words of the text they were trained on.
 *
 * Every feature keeps the sentence's own words it came from, so a finding
 * can name the cues that made it fire.
 *
 * @example
 * sentenceFeatures(tokenize("Chidi's change sent every bag south").filter(w => w.kind === 'word'), createPeople(['chidi']))
 * // [{ bucket: 1234, cue: "Chidi's" }, …]
 */
import { isPersonAt, type People } from '../grammar/people.js';
import type { Token } from '../grammar/tokens.js';

/** How many buckets features hash into (a power of two). */
export const BUCKETS = 1 << 15;

export interface Feature {
  bucket: number;
  /** The sentence's own words behind the feature, for the message. */
  cue: string;
}

const MODALS = new Set(['should', 'would', 'could', 'must', 'might', 'ought']);
const NEGATIONS = new Set(['not', 'never', 'no', 'nobody', 'without', "didn't", "wasn't", "hadn't", "couldn't", "wouldn't", "shouldn't", "don't", "doesn't", "isn't", "weren't"]);

/** The hashed features of a sentence's word tokens (punctuation and opaque runs are left out by the caller or skipped here). */
export function sentenceFeatures(tokens: readonly Token[], people: People): Feature[] {
  const words = tokens.filter((t) => t.kind === 'word');
  const features: Feature[] = [];
  const add = (key: string, cue: string) => features.push({ bucket: bucketOf(key), cue });
  const norms = words.map((w) => normalise(w, people));
  add('bias:', '');
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    add(`w:${norms[i]}`, word.text);
    add(`b:${i === 0 ? '^' : norms[i - 1]} ${norms[i]}`, i === 0 ? word.text : `${words[i - 1]!.text} ${word.text}`);
  }
  // The grammar cues: the rules' own notion of a person, in a few positions that carry blame.
  let personSeen = -1;
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (isPersonAt(words, i, people)) {
      if (i < 3) add('c:person-subject', word.text);
      if (/'s$/.test(word.lower)) add('c:person-possessive', word.text);
      if (personSeen === -1) personSeen = i;
    }
    if (personSeen !== -1 && i > personSeen && i <= personSeen + 3 && /[a-z]ed$/.test(word.lower)) add('c:person-past', `${words[personSeen]!.text} … ${word.text}`);
    if (MODALS.has(word.lower) && words[i + 1]?.lower === 'have') add('c:modal-have', `${word.text} ${words[i + 1]!.text}`);
    if (NEGATIONS.has(word.lower) || word.lower.endsWith("n't")) add(personSeen === -1 ? 'c:negation' : 'c:person-negation', word.text);
  }
  return features;
}

/** A name the file lists is `<person>` (keeping a possessive), a number `<num>`, any other word its lower case. */
function normalise(word: Token, people: People): string {
  const possessive = /'s$/.test(word.lower);
  const base = possessive ? word.lower.slice(0, -2) : word.lower;
  if (people.names.has(base)) return possessive ? "<person>'s" : '<person>';
  if (/^\d/.test(base)) return '<num>';
  return word.lower;
}

/** FNV-1a over the UTF-16 code units, folded into the buckets. */
export function bucketOf(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) & (BUCKETS - 1);
}
