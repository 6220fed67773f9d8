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
 * // [{ bucket: 1234, first: <Chidi's>, last: <Chidi's> }, …]
 */
import { isPersonAt, mayBePerson, type People } from '../grammar/people.js';
import type { Token } from '../grammar/tokens.js';

/** How many buckets features hash into (a power of two). */
export const BUCKETS = 1 << 15;

/** One hashed feature, and the sentence's own words behind it (for the message; none for the bias). */
export interface Feature {
  bucket: number;
  first: Token | null;
  last: Token | null;
}

const MODALS = new Set(['should', 'would', 'could', 'must', 'might', 'ought']);
const NEGATIONS = new Set([
  'not',
  'never',
  'no',
  'nobody',
  'without',
  "didn't",
  "wasn't",
  "hadn't",
  "couldn't",
  "wouldn't",
  "shouldn't",
  "don't",
  "doesn't",
  "isn't",
  "weren't",
]);

// Keys are hashed as they are built (FNV-1a continues over the parts), so no key string is allocated.
const FNV_OFFSET = 0x811c9dc5;
const WORD = fnv(FNV_OFFSET, 'w:');
const BIGRAM = fnv(FNV_OFFSET, 'b:');
const BIAS = bucketOf('bias:');
const CUE = {
  personSubject: bucketOf('c:person-subject'),
  personPossessive: bucketOf('c:person-possessive'),
  personPast: bucketOf('c:person-past'),
  modalHave: bucketOf('c:modal-have'),
  negation: bucketOf('c:negation'),
  personNegation: bucketOf('c:person-negation'),
};

/** The hashed features of a sentence's tokens (only its words count). */
export function sentenceFeatures(tokens: readonly Token[], people: People): Feature[] {
  const features: Feature[] = [];
  forEachFeature(tokens, people, (bucket, first, last) => features.push({ bucket, first, last }));
  return features;
}

/** Calls `visit` with each feature of the sentence, allocating nothing per feature: lint scores most sentences this way and keeps none. */
export function forEachFeature(tokens: readonly Token[], people: People, visit: (bucket: number, first: Token | null, last: Token | null) => void): void {
  const words = tokens.filter((t) => t.kind === 'word');
  visit(BIAS, null, null);
  let previous = '^';
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const norm = normalise(word, people);
    visit(fold(fnv(WORD, norm)), word, word);
    visit(fold(fnv(fnv(fnv(BIGRAM, previous), ' '), norm)), i === 0 ? word : words[i - 1]!, word);
    previous = norm;
  }
  // The grammar cues: the rules' own notion of a person, in a few positions that carry blame.
  let personSeen = -1;
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    // mayBePerson first: the cheap test, and the full one only for the words that pass it.
    if (mayBePerson(word, people) && isPersonAt(words, i, people)) {
      if (i < 3) visit(CUE.personSubject, word, word);
      if (/'s$/.test(word.lower)) visit(CUE.personPossessive, word, word);
      if (personSeen === -1) personSeen = i;
    }
    if (personSeen !== -1 && i > personSeen && i <= personSeen + 3 && /[a-z]ed$/.test(word.lower)) visit(CUE.personPast, words[personSeen]!, word);
    if (MODALS.has(word.lower) && words[i + 1]?.lower === 'have') visit(CUE.modalHave, word, words[i + 1]!);
    if (NEGATIONS.has(word.lower) || word.lower.endsWith("n't")) visit(personSeen === -1 ? CUE.negation : CUE.personNegation, word, word);
  }
}

/** The words behind a feature as the message shows them: "Kim's", "sent every", "Kim … deleted". */
export function cueText(feature: Feature): string {
  const { first, last } = feature;
  if (!first || !last) return '';
  if (first === last) return first.text;
  return last.start - first.end <= 1 ? `${first.text} ${last.text}` : `${first.text} … ${last.text}`;
}

/** A name the file lists is `<person>` (keeping a possessive), a number `<num>`, any other word its lower case. */
function normalise(word: Token, people: People): string {
  const possessive = /'s$/.test(word.lower);
  const base = possessive ? word.lower.slice(0, -2) : word.lower;
  if (people.names.has(base)) return possessive ? "<person>'s" : '<person>';
  if (/^\d/.test(base)) return '<num>';
  return word.lower;
}

/** FNV-1a over the UTF-16 code units of `key`, continuing from `state`. */
function fnv(state: number, key: string): number {
  let hash = state;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash;
}

function fold(hash: number): number {
  return (hash >>> 0) & (BUCKETS - 1);
}

/** The bucket of a whole key. */
export function bucketOf(key: string): number {
  return fold(fnv(FNV_OFFSET, key));
}
