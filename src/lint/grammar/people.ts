/**
 * Decides whether a word names a person: a name the incident lists
 * (authors, participants, action owners), a role ("the reviewer", "ops",
 * "the platform team"), a pronoun, or, in Markdown, a capitalised name.
 * Rules ask this about the subject of a failure verb, never about every word.
 *
 * @example
 * const people = createPeople(['kim']);
 * isPersonAt(tokenize('Kim paged ops'), 0, people) // true
 */
import {
  AUTHORED_WORK,
  BELONGINGS,
  CAPITALISED_TEAMS,
  IRREGULAR_PASTS,
  MACHINE_AGENT_NOUNS,
  NARRATORS,
  NOT_NAMES,
  PERSON_PRONOUNS,
  PHRASE_HEAD_PEOPLE,
  PERSONAL_VERBS,
  PRODUCT_HEADS,
  REMEDY_VERBS,
  ROLE_NOUNS,
  SHIFT_MODIFIERS,
} from '../vocabulary/generated.js';
import { PERSON_NOUNS } from '../vocabulary/person-nouns.js';
import { nextWord, previousWord } from './windows.js';
import { type Token } from './tokens.js';

export interface People {
  /** Lower-case names and logins (without `@`). */
  names: ReadonlySet<string>;
  /** Treat capitalised words as names (Markdown, where no list is given). */
  guessNames: boolean;
}

/** Builds the person context from the names an incident lists. */
export function createPeople(names: Iterable<string>, guessNames = false): People {
  const set = new Set<string>();
  for (const name of names) {
    for (const part of name
      .replace(/^@/, '')
      .toLowerCase()
      .split(/[\s,]+/))
      if (part) set.add(part);
  }
  return { names: set, guessNames };
}

const TECH_BEFORE_OPERATOR = /[-A-Z]|^k8s$/;

/** Is the word at `i` a person, a group of people or a stand-in for one? */
export function isPersonAt(words: readonly Token[], i: number, people: People): boolean {
  const token = words[i];
  if (!token || token.kind !== 'word') return false;
  // "Kim's", and "we'd" / "they'd" (had or would): the person is the word before the apostrophe.
  const base = personBase(token.lower);
  // "operator error", "user mistake": the role names a kind of error, not a person acting.
  if (/^(error|errors|mistake|mistakes)$/.test(words[nextWord(words, i)]?.lower ?? '') && !token.lower.endsWith("'s")) return false;
  if (namedProduct(words, i)) return false;
  if (people.names.has(base)) return true;
  if (base === 'no' && words[nextWord(words, i)]?.lower === 'one') return true;
  if (PERSON_PRONOUNS.has(base)) return true;
  if (PERSONAL_TITLES.has(base) && capital(words[nextWord(words, i)])) return true;
  // "Security locked everyone out"; but "the Support Assistant chatbot", "Security Center" are products.
  if (CAPITALISED_TEAMS.has(token.text) || CAPITALISED_TEAMS.has(token.text.replace(/'s$/, ''))) return !capital(words[nextWord(words, i)]);
  if (ROLE_NOUNS.has(base)) return !namedTool(words, i, people) && roleIsPerson(words, i, base);
  if (isLexiconPerson(base) && headsItsPhrase(words, i)) return !namedTool(words, i, people) && roleIsPerson(words, i, base);
  return namedByRole(words, i, token) || shiftWorker(words, i) || (people.guessNames && looksLikeName(words, i, token));
}

/**
 * "Captain, the ship-side sync agent, failed…", "Jarvis, our deploy bot,
 * …": an appositive right after the word that names a program or device.
 */
function namedProduct(words: readonly Token[], i: number): boolean {
  if (words[i + 1]?.text !== ',') return false;
  const first = nextWord(words, i);
  if (!['the', 'a', 'an', 'our', 'its', 'their'].includes(words[first]?.lower ?? '')) return false;
  // The appositive ends at the next comma (within eight words); its head is its last word before the comma or a
  // preposition ("the service owner" is a person; "the scheduling assistant in the dental app" an assistant).
  for (let j = first, n = 0; j !== -1 && n < 8; j = nextWord(words, j), n++) {
    const after = words[nextWord(words, j)]?.lower ?? '';
    if (words[j + 1]?.text === ',' || (n > 0 && APPOSITIVE_PREPOSITIONS.has(after))) return PRODUCT_HEADS.has(words[j]!.lower);
  }
  return false;
}

const APPOSITIVE_PREPOSITIONS = new Set(['in', 'inside', 'for', 'of', 'on', 'behind', 'within']);

/**
 * "Hal the rostering assistant double-booked…": a role that can be a program
 * (`product_heads`), in an appositive without commas after a capitalised
 * name nobody listed. "Priya the teaching assistant", with Priya listed, is a person.
 */
function namedTool(words: readonly Token[], i: number, people: People): boolean {
  if (!PRODUCT_HEADS.has(words[i]!.lower)) return false;
  for (let j = previousWord(words, i), n = 0; j !== -1 && n < 3; j = previousWord(words, j), n++) {
    if (words[j]!.lower !== 'the') continue;
    const name = previousWord(words, j);
    return name !== -1 && name === j - 1 && capital(words[name]) && !people.names.has(words[name]!.lower);
  }
  return false;
}

/**
 * "the night-shift controller", "the on-duty planner", "the scheduler on
 * duty": an agent noun beside a rota modifier is a person, not a program.
 */
function shiftWorker(words: readonly Token[], i: number): boolean {
  if (!/[a-z](?:er|or|ist|ant|ian)s?$/.test(words[i]!.lower)) return false;
  if (SHIFT_MODIFIERS.has(words[previousWord(words, i)]?.lower ?? '')) return true;
  const on = nextWord(words, i);
  return words[on]?.lower === 'on' && ['duty', 'shift'].includes(words[nextWord(words, on)]?.lower ?? '');
}

/**
 * A noun the WordNet lexicon names as a person ("sommelier", "patrollers",
 * "shotfirer") that operations writing does not mostly use for software
 * (`machine_agent_nouns`). Plurals are read back to the singular.
 */
export function isLexiconPerson(lower: string): boolean {
  if (PHRASE_HEAD_PEOPLE.has(lower)) return true;
  for (const singular of singulars(lower)) if (PERSON_NOUNS.has(singular)) return !MACHINE_AGENT_NOUNS.has(singular);
  return false;
}

function singulars(lower: string): string[] {
  if (lower.length < 3) return [];
  if (lower.endsWith('people')) return [`${lower.slice(0, -6)}person`];
  if (lower.endsWith('men')) return [lower, `${lower.slice(0, -3)}man`];
  if (lower.endsWith('ies')) return [lower, `${lower.slice(0, -3)}y`];
  if (lower.endsWith('es')) return [lower, lower.slice(0, -1), lower.slice(0, -2)];
  if (lower.endsWith('s')) return [lower, lower.slice(0, -1)];
  return [lower];
}

/**
 * Lexicon nouns are also modifiers ("the vendor patch", "a sommelier course"):
 * one counts as a person only where its phrase ends, before punctuation, the
 * end, an auxiliary or other verb, an adverb in -ly, or "who". Possessives
 * ("the sommelier's habits") always do. The hand-kept role nouns need no such
 * test: `roleIsPerson` knows the few things they modify.
 */
function headsItsPhrase(words: readonly Token[], i: number): boolean {
  if (/'s$/.test(words[i]!.lower)) return true;
  const next = words[i + 1];
  if (!next || next.kind !== 'word') return true;
  const lower = next.lower;
  return PERSONAL_VERBS.has(lower) || PHRASE_ENDERS.has(lower) || IRREGULAR_PASTS.has(lower) || /^[a-z]{3,}(?:ed|ly)$/.test(lower);
}

/** Words that start what follows a subject: auxiliaries, modals, negation, a relative pronoun, a conjunction. */
const PHRASE_ENDERS = new Set([
  ...['should', 'would', 'could', 'will', 'can', 'may', 'might', 'must', 'ought', 'shall', "wouldn't", "couldn't", "shouldn't", "won't", "can't"],
  ...['is', 'are', 'was', 'were', 'has', 'have', 'had', 'does', 'do', 'did', "didn't", "wasn't", "weren't", "hasn't", "haven't", "hadn't", "doesn't", "don't"],
  ...['who', 'whose', 'never', 'not', 'just', 'simply', 'only', 'also', 'then', 'still', 'again', 'and', 'or', 'but', 'himself', 'herself', 'themselves'],
]);

/**
 * Could the word be a person in some context? A superset of
 * {@link isPersonAt} that needs no neighbours, so a sentence without any
 * such word can skip the rules that blame only people.
 */
export function mayBePerson(token: Token, people: People): boolean {
  if (token.kind !== 'word') return false;
  const base = personBase(token.lower);
  if (people.names.has(base) || base === 'no' || PERSON_PRONOUNS.has(base) || PERSONAL_TITLES.has(base) || ROLE_NOUNS.has(base) || SHIFT_MODIFIERS.has(base))
    return true;
  if (isLexiconPerson(base)) return true;
  if (CAPITALISED_TEAMS.has(token.text) || (base !== token.lower && CAPITALISED_TEAMS.has(token.text.replace(/'s$/, '')))) return true;
  return people.guessNames && /^[A-Z]/.test(token.text);
}

const HONORIFIC = /-(?:san|sama|kun|chan|sensei|ji)$/;

/** The word a name or pronoun is read from: without "'s" / "'d", and without a Japanese or Hindi honorific ("Aiko-san's" is Aiko). */
function personBase(lower: string): string {
  const bare = /'[sd]$/.test(lower) ? lower.slice(0, -2) : lower;
  return bare.includes('-') && HONORIFIC.test(bare) ? bare.replace(HONORIFIC, '') : bare;
}

/** Words that are "nobody" by themselves. */
const NOBODY_WORDS = new Set(['nobody', 'none', 'noone', 'no-one']);

/** Is the word at `i` "nobody", "none", or either word of "no one"? A subject that says no person acted. */
export function isNobodyAt(words: readonly Token[], i: number): boolean {
  const lower = words[i]?.lower ?? '';
  if (NOBODY_WORDS.has(lower)) return true;
  if (lower === 'one') return words[previousWord(words, i)]?.lower === 'no';
  return lower === 'no' && words[nextWord(words, i)]?.lower === 'one';
}

/** "we", "I": the authors narrating the response, not a third party acting. */
export function isNarrator(token: Token | undefined): boolean {
  return token !== undefined && NARRATORS.has(token.lower);
}

/** "Mr. Dmitri", "Dr Osei": a title before a capitalised name names a person. */
export const PERSONAL_TITLES: ReadonlySet<string> = new Set(['mr', 'mrs', 'ms', 'dr', 'prof']);

function capital(t: Token | undefined): boolean {
  return t !== undefined && t.kind === 'word' && /^[A-Z]/.test(t.text);
}

const THING_HEADS = new Set([
  'system',
  'systems',
  'app',
  'application',
  'portal',
  'tool',
  'tools',
  'software',
  'account',
  'accounts',
  'screen',
  'terminal',
  'terminals',
  'console',
  'dashboard',
  'module',
  'interface',
  'ui',
  'role',
  'roles',
  'permissions',
  'permission',
  'login',
  'logins',
  'group',
  'mailbox',
  'handbook',
  'programme',
  'program',
  'project',
  'phase',
  'study',
  'scheme',
]);
const SHIFT_QUALIFIERS = new Set(['night', 'day', 'morning', 'evening', 'incoming', 'outgoing', 'late', 'early', 'weekend', 'overnight', 'next', 'previous']);

function roleIsPerson(words: readonly Token[], i: number, base: string): boolean {
  // "Visual Studio Team Services", "the Support Portal": a capitalised role inside a product name.
  const before = words[previousWord(words, i)];
  const next = words[nextWord(words, i)];
  if (capital(words[i]) && ((capital(before) && previousWord(words, previousWord(words, i)) !== -1) || capital(next))) return false;
  // "Microsoft Teams", "Google Support": a vendor's name before a capitalised role is a product, even first in a sentence.
  if (capital(words[i]) && capital(before) && NOT_NAMES.has(before!.lower) && !DETERMINERS.has(before!.lower)) return false;
  // "the Kubernetes operator", "the cert-manager operator" are software.
  if (base === 'operator' || base === 'operators') {
    const before = words[previousWord(words, i)];
    if (before && TECH_BEFORE_OPERATOR.test(before.text) && before.lower !== 'the') return false;
  }
  // "the night shift", "the incoming shift" are people; "a shift in traffic" is not.
  if (base === 'shift' || base === 'shifts') return SHIFT_QUALIFIERS.has(words[previousWord(words, i)]?.lower ?? '');
  // "the owner field", "the lead time": a role noun used as a modifier.
  const after = words[nextWord(words, i)];
  if ((base === 'lead' || base === 'owner' || base === 'owners') && after && ['time', 'field', 'label', 'column'].includes(after.lower)) return false;
  // "the teller system", "the admin console", "the operator account": a role naming what a thing is for.
  if (after && THING_HEADS.has(after.lower)) return false;
  return true;
}

/**
 * "Engineer Bob", "SRE Kim", "on-call engineer Sam": a role noun right before
 * a capitalised word is a title, so the word is a name. A capitalised word
 * alone is still never guessed; the role is what says it is a person.
 */
function namedByRole(words: readonly Token[], i: number, token: Token): boolean {
  const plain = token.text.replace(/['\u2019]s$/, '');
  if (!isNameShaped(plain) || ROLE_NOUNS.has(plain.toLowerCase()) || CAPITALISED_TEAMS.has(plain)) return false;
  const role = previousWord(words, i);
  if (role === -1 || !ROLE_NOUNS.has(words[role]!.lower)) return false;
  // "Developer Relations Team", "the Google Developer Portal", "our Acme Admin Console": a role inside a product or team name
  // ("On-call engineer Sam" and "Then Engineer Bob" are titles).
  if (capital(words[nextWord(words, i)])) return false;
  const previous = previousWord(words, role);
  const before = words[previous];
  if (!capital(before) || DETERMINERS.has(before!.lower) || ROLE_NOUNS.has(before!.lower)) return true;
  return !NOT_NAMES.has(before!.lower) && previousWord(words, previous) === -1;
}

/** "Bob", "Li", "Kim" (without "'s"): one capitalised word that is not a product or place. */
function isNameShaped(plain: string): boolean {
  return /^[A-Z][a-z]{1,14}$/.test(plain) && !NOT_NAMES.has(plain.toLowerCase());
}

function looksLikeName(words: readonly Token[], i: number, token: Token): boolean {
  const plain = token.text.replace(/['\u2019]s$/, '');
  if (!isNameShaped(plain)) return false;
  const before = words[previousWord(words, i)];
  if (before && ['the', 'a', 'an', 'our', 'their', 'its', 'this', 'that'].includes(before.lower)) return false;
  const after = words[nextWord(words, i)];
  // Products come in pairs of capitalised words ("Cloud Storage"); names here stand alone.
  if (after && /^[A-Z]/.test(after.text) && after.kind === 'word') return false;
  // A capitalised first word is only a name when a personal verb follows it.
  const first = previousWord(words, i) === -1;
  return !first || plain !== token.text || (after !== undefined && PERSONAL_VERBS.has(after.lower));
}

/**
 * The subject of the word at `verb` within `clause`: the first person
 * mentioned before it that is not inside a prepositional phrase. Possessives
 * count only when `possessive` is set ("Frank's deploy caused").
 */
export function personSubject(clause: readonly Token[], verb: number, people: People, possessive = false): number {
  let inPhrase = false;
  let found = -1;
  for (let i = 0; i < verb; i++) {
    const token = clause[i]!;
    // ", the key would…": a new subject starts after a comma and a determiner,
    // unless a second comma closes an appositive ("Kim, our eng. on call, wiped…").
    if (token.text === ',' && DETERMINERS.has(clause[nextWord(clause, i)]?.lower ?? '')) {
      const close = clause.findIndex((t, k) => k > i && k < verb && t.text === ',');
      // "Ada, the scheduling assistant in the app, double-booked…": an appositive naming a program is not the subject either.
      if (close !== -1 && (found !== -1 || namedProduct(clause, previousWord(clause, i)))) {
        i = close;
        continue;
      }
      found = -1;
      inPhrase = false;
    }
    if (token.kind !== 'word') continue;
    // "Engineers determined that an issue caused…": a reported clause has its own subject.
    if (token.lower === 'that' && REMEDY_VERBS.has(clause[previousWord(clause, i)]?.lower ?? '')) found = -1;
    if (SUBJECT_RESETS.has(token.lower)) inPhrase = false;
    // "Sloppy work from the matchmaking team brought down…": the person whose work is the subject is its agent.
    else if (possessive && (token.lower === 'from' || token.lower === 'by') && AUTHORED_WORK.has(clause[previousWord(clause, i)]?.lower ?? ''))
      inPhrase = false;
    else if (PREPOSITIONS.has(token.lower) && !isFixedPhrase(clause, i)) inPhrase = true;
    if (found !== -1 || inPhrase || !isPersonAt(clause, i, people)) continue;
    if (token.lower.endsWith("'s") && (!possessive || isBelonging(clause, i))) continue;
    found = i;
  }
  return found;
}

/** "Kim's laptop", "Kim's home internet": the possessed thing is the subject, not the person. */
export function isBelonging(words: readonly Token[], i: number): boolean {
  for (let j = nextWord(words, i), n = 0; j !== -1 && n < 2; j = nextWord(words, j), n++) if (BELONGINGS.has(words[j]!.lower)) return true;
  return false;
}

const DETERMINERS = new Set(['the', 'a', 'an', 'our', 'their', 'this', 'that', 'these', 'those', 'its', 'every', 'all']);

const PREPOSITIONS = new Set([
  'from',
  'of',
  'to',
  'with',
  'for',
  'at',
  'in',
  'on',
  'about',
  'than',
  'into',
  'over',
  'under',
  'by',
  'after',
  'before',
  'during',
]);
const SUBJECT_RESETS = new Set(['was', 'were', 'is', 'are', 'who', 'and']);

/** "of course", "on call" and "once again" are adverbs, not prepositional phrases. */
function isFixedPhrase(words: readonly Token[], i: number): boolean {
  const next = words[nextWord(words, i)]?.lower;
  return (words[i]!.lower === 'of' && next === 'course') || (words[i]!.lower === 'on' && next === 'call');
}

/** The first person within `window` words after `from`, or -1: "a mistake by *the on-call*", "held *Kim* accountable". */
export function nextPerson(words: readonly Token[], from: number, people: People, window = 4): number {
  for (let j = nextWord(words, from), n = 0; j !== -1 && n < window; j = nextWord(words, j), n++) if (isPersonAt(words, j, people)) return j;
  return -1;
}

/**
 * The person heading the noun phrase right after "by", or -1: "by Kim", "by
 * the night-shift process engineer". The phrase ends at its first person, and
 * stops at punctuation, a preposition, a second determiner or a clause word,
 * so "by a retention script the engineer wrote" and "by the time the
 * engineer arrived" name no agent.
 */
export function agentOfBy(words: readonly Token[], by: number, people: People): number {
  for (let j = nextWord(words, by), n = 0; j !== -1 && n < 5; j = nextWord(words, j), n++) {
    if (words.slice(by + 1, j).some((w) => w.kind === 'punct')) return -1;
    if (isPersonAt(words, j, people)) return j;
    const lower = words[j]!.lower;
    if (PREPOSITIONS.has(lower) || SUBJECT_RESETS.has(lower) || AGENT_STOPS.has(lower) || (n > 0 && DETERMINERS.has(lower))) return -1;
  }
  return -1;
}

/** Words that end the noun phrase after "by" before any person: "by the time…", "by then", "by which point…". */
const AGENT_STOPS = new Set(['time', 'then', 'which', 'that', 'when', 'now', 'mistake', 'accident', 'default', 'design', 'hand']);
