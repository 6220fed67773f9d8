/**
 * Turns the vocabulary data (the YAML files beside this one) into the
 * TypeScript module the rules import, and refuses data a rule could not
 * use: a duplicate entry (the same verb twice with different particles
 * silently overrode the first), an entry the tokenizer would not read as the
 * words written (a two-word entry in a one-word list, upper case in a
 * lower-case list), a phrase hidden behind a shorter one, an unknown shape or
 * check. The trigger words of the cheap pass are derived here from the lists
 * marked `trigger:`, so there is no second copy to keep in step. Pure: the
 * script `npm run vocabulary` reads and writes the files.
 *
 * @example
 * const { module, problems } = buildVocabularyModule([{ name: 'people.yaml', text }]);
 * problems // [] or ['people.yaml: role_nouns: duplicate entry `engineer`']
 */
import { parse } from 'yaml';
import { tokenize } from '../grammar/tokens.js';
import { CHECK_NAMES, type CheckName } from './checks.js';

/** One data file: its name (for messages) and its text. */
export interface VocabularyFile {
  name: string;
  text: string;
}

const SHAPES = ['words', 'cased-words', 'phrases', 'damage-verbs', 'judgement'] as const;
type Shape = (typeof SHAPES)[number];

interface List {
  file: string;
  name: string;
  doc: string;
  shape: Shape;
  trigger: CheckName | null;
  entries: unknown[];
}

/** Words too common to stand for a phrase in the cheap pass: "in hindsight" is looked for as "hindsight". */
const FUNCTION_WORDS = new Set([
  'a',
  'an',
  'the',
  'to',
  'of',
  'in',
  'on',
  'at',
  'by',
  'be',
  'was',
  'were',
  'is',
  'it',
  'as',
  'all',
  'had',
  'do',
  'they',
  'he',
  'she',
  'we',
  'you',
  'for',
  'from',
  'more',
]);

/** The word of a phrase the cheap pass looks for: its longest word that is not a function word. */
export function rarestWord(phrase: readonly string[]): string {
  const candidates = phrase.filter((w) => !FUNCTION_WORDS.has(w));
  return (candidates.length > 0 ? candidates : phrase).reduce((best, w) => (w.length > best.length ? w : best));
}

/** The generated module's text and every problem found; the module is only valid when `problems` is empty. */
export function buildVocabularyModule(files: readonly VocabularyFile[]): { module: string; problems: string[] } {
  const problems: string[] = [];
  const lists = readLists(files, problems);
  const triggers = new Map<CheckName, Set<string>>(CHECK_NAMES.map((name) => [name, new Set<string>()]));
  const seen = new Map<string, string>();
  for (const list of lists) {
    const where = `${list.file}: ${list.name}`;
    if (seen.has(list.name)) problems.push(`${where}: the list name is also used in ${seen.get(list.name)}`);
    seen.set(list.name, list.file);
    const words = checkEntries(list, (message) => problems.push(`${where}: ${message}`));
    if (list.trigger) for (const word of words) triggers.get(list.trigger)!.add(word);
  }
  return { module: renderModule(lists, triggers), problems };
}

function readLists(files: readonly VocabularyFile[], problems: string[]): List[] {
  const lists: List[] = [];
  for (const file of [...files].sort((a, b) => (a.name < b.name ? -1 : 1))) {
    let data: unknown;
    try {
      data = parse(file.text, { uniqueKeys: true });
    } catch (error) {
      problems.push(`${file.name}: not valid YAML (${(error as Error).message.split('\n')[0]})`);
      continue;
    }
    if (!isRecord(data)) {
      problems.push(`${file.name}: expected a map of lists`);
      continue;
    }
    for (const [name, value] of Object.entries(data)) {
      const where = `${file.name}: ${name}`;
      if (!/^[a-z][a-z0-9_]*$/.test(name)) problems.push(`${where}: a list name is lower_snake_case`);
      if (!isRecord(value)) {
        problems.push(`${where}: expected \`doc\`, \`shape\` and \`entries\``);
        continue;
      }
      const { doc, shape, trigger, entries, ...rest } = value;
      for (const key of Object.keys(rest)) problems.push(`${where}: unknown key \`${key}\``);
      if (typeof doc !== 'string' || doc.trim() === '') problems.push(`${where}: \`doc\` must say what the list is for`);
      if (!SHAPES.includes(shape as Shape)) problems.push(`${where}: \`shape\` must be one of ${SHAPES.join(', ')}`);
      if (trigger !== undefined && !CHECK_NAMES.includes(trigger as CheckName)) problems.push(`${where}: \`trigger\` must be one of ${CHECK_NAMES.join(', ')}`);
      if (!Array.isArray(entries) || entries.length === 0) problems.push(`${where}: \`entries\` must be a non-empty list`);
      if (!SHAPES.includes(shape as Shape) || !Array.isArray(entries)) continue;
      lists.push({
        file: file.name,
        name,
        doc: String(doc ?? ''),
        shape: shape as Shape,
        trigger: CHECK_NAMES.includes(trigger as CheckName) ? (trigger as CheckName) : null,
        entries,
      });
    }
  }
  return lists;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Validates a list's entries; returns the words the cheap pass must look for when the list is a trigger. */
function checkEntries(list: List, report: (message: string) => void): string[] {
  const triggers: string[] = [];
  const seen = new Set<string>();
  const unique = (key: string) => {
    if (seen.has(key)) report(`duplicate entry \`${key}\``);
    seen.add(key);
  };
  const phrases: string[][] = [];
  for (const entry of list.entries) {
    if (list.shape === 'words' || list.shape === 'cased-words') {
      if (!isWord(entry, list.shape === 'words', report)) continue;
      unique(entry);
      triggers.push(entry.toLowerCase());
    } else if (list.shape === 'phrases') {
      const phrase = asPhrase(entry, report);
      if (!phrase) continue;
      unique(phrase.join(' '));
      phrases.push(phrase);
      triggers.push(rarestWord(phrase));
    } else if (list.shape === 'damage-verbs') {
      if (!isRecord(entry) || !Array.isArray(entry.verb) || (entry.then !== undefined && !Array.isArray(entry.then))) {
        report('an entry is `{ verb: [words], then?: [words] }`');
        continue;
      }
      for (const verb of entry.verb) if (isWord(verb, true, report)) (unique(verb), triggers.push(verb));
      for (const particle of (entry.then as unknown[] | undefined) ?? []) isWord(particle, true, report);
    } else {
      const phrase = isRecord(entry) ? asPhrase(entry.word, report) : null;
      if (!isRecord(entry) || !phrase) {
        if (!isRecord(entry)) report('an entry is `{ word, innocent?: [words], person?: true }`');
        continue;
      }
      unique(phrase.join(' '));
      phrases.push(phrase);
      triggers.push(rarestWord(phrase));
      if (entry.innocent !== undefined && !(Array.isArray(entry.innocent) && entry.innocent.every((w) => isWord(w, true, report))))
        report('`innocent` is a list of words');
      if (entry.person !== undefined && entry.person !== true) report('`person` is `true` or absent');
    }
  }
  for (const phrase of phrases) {
    const shorter = phrases.find((other) => other.length < phrase.length && other.every((w, k) => phrase[k] === w));
    if (shorter) report(`\`${phrase.join(' ')}\` can never match: \`${shorter.join(' ')}\` matches first`);
  }
  return triggers;
}

/** One token of the tokenizer, as written (lower case unless `cased-words`). */
function isWord(entry: unknown, lower: boolean, report: (message: string) => void): entry is string {
  if (typeof entry !== 'string') {
    report(`\`${String(entry)}\` is not a string`);
    return false;
  }
  const tokens = tokenize(entry);
  if (tokens.length !== 1 || tokens[0]!.kind !== 'word' || tokens[0]!.text !== entry) {
    report(`\`${entry}\` is not one word as the tokenizer reads it, so no rule can match it`);
    return false;
  }
  if (lower && tokens[0]!.lower !== entry) {
    report(`\`${entry}\` must be lower case (words are compared in lower case)`);
    return false;
  }
  return true;
}

function asPhrase(entry: unknown, report: (message: string) => void): string[] | null {
  if (typeof entry !== 'string' || entry.trim() === '') {
    report(`\`${String(entry)}\` is not a phrase`);
    return null;
  }
  const words = entry.split(' ');
  return words.every((w) => isWord(w, true, report)) ? words : null;
}

const HEADER = `/**
 * GENERATED by \`npm run vocabulary\` from the YAML files in this folder; do
 * not edit: change the data and regenerate (a test fails when this module is
 * out of date). Each list's comment is its \`doc\`.
 */
`;

function renderModule(lists: readonly List[], triggers: ReadonlyMap<CheckName, ReadonlySet<string>>): string {
  const parts = [HEADER];
  for (const list of lists) {
    const name = list.name.toUpperCase();
    parts.push(`/** ${list.doc.replace(/\*\//g, '* /')} */`);
    if (list.shape === 'words' || list.shape === 'cased-words') {
      parts.push(`export const ${name}: ReadonlySet<string> = new Set(${wrap(list.entries.map((e) => JSON.stringify(e)))});\n`);
    } else if (list.shape === 'phrases') {
      parts.push(`export const ${name}: ReadonlyArray<readonly string[]> = ${wrap(list.entries.map((e) => JSON.stringify(String(e).split(' '))))};\n`);
    } else if (list.shape === 'damage-verbs') {
      parts.push(`export const ${name}: ReadonlyArray<{ verb: readonly string[]; then?: readonly string[] }> = ${JSON.stringify(list.entries, null, 2)};\n`);
    } else {
      const entries = list.entries.map((e) => {
        const { word, ...rest } = e as { word: string };
        return { word: word.split(' '), ...rest };
      });
      parts.push(
        `export const ${name}: ReadonlyArray<{ word: readonly string[]; innocent?: readonly string[]; person?: boolean }> = ${JSON.stringify(entries, null, 2)};\n`,
      );
    }
  }
  parts.push('/** The words that send a sentence to each check (the cheap pass), derived from the lists marked `trigger:`. */');
  const rows = CHECK_NAMES.map(
    (check) =>
      `  ${check}: ${wrap(
        [...triggers.get(check)!].sort().map((w) => JSON.stringify(w)),
        4,
      )},`,
  );
  parts.push(`export const TRIGGERS: Readonly<Record<${CHECK_NAMES.map((c) => `'${c}'`).join(' | ')}, readonly string[]>> = {\n${rows.join('\n')}\n};\n`);
  return parts.join('\n');
}

/** `[a, b, c]` over lines of at most about 120 characters. */
function wrap(items: readonly string[], indent = 2): string {
  const lines: string[] = [];
  let line = '';
  for (const item of items) {
    if (line.length + item.length > 110) (lines.push(line.trimEnd()), (line = ''));
    line += `${item}, `;
  }
  if (line) lines.push(line.trimEnd().replace(/,$/, ''));
  if (lines.length === 1) return `[${lines[0]}]`;
  const pad = ' '.repeat(indent);
  return `[\n${lines.map((l) => pad + l).join('\n')},\n${' '.repeat(indent - 2)}]`;
}
