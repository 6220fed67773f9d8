/**
 * The lint vocabulary is data (src/lint/vocabulary/*.yaml): the generated
 * module must be current, the data must pass the generator's checks, every
 * list must be read by some rule, and the generator must refuse the kinds of
 * data that caused bugs.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createPeople, lintProse } from '../../src/lint/index.js';
import { buildVocabularyModule } from '../../src/lint/vocabulary/build-module.js';

const folder = fileURLToPath(new URL('../../src/lint/vocabulary/', import.meta.url));
const files = readdirSync(folder)
  .filter((name) => name.endsWith('.yaml'))
  .map((name) => ({ name, text: readFileSync(folder + name, 'utf8') }));

describe('the vocabulary data', () => {
  const built = buildVocabularyModule(files);

  it('has no problems', () => {
    expect(built.problems).toEqual([]);
  });

  it('is what generated.ts holds (run `npm run vocabulary` after editing the YAML)', () => {
    expect(readFileSync(`${folder}generated.ts`, 'utf8')).toBe(built.module);
  });

  it('has every list read by some lint module', () => {
    const lint = fileURLToPath(new URL('../../src/lint/', import.meta.url));
    const sources = readdirSync(lint, { recursive: true, encoding: 'utf8' })
      .filter((name) => name.endsWith('.ts') && !name.endsWith('generated.ts'))
      .map((name) => readFileSync(lint + name, 'utf8'))
      .join('\n');
    const exported = [...built.module.matchAll(/^export const (\w+)/gm)].map((m) => m[1]!);
    expect(exported.filter((name) => !new RegExp(`\\b${name}\\b`).test(sources))).toEqual([]);
  });
});

const list = (body: string) => [{ name: 'test.yaml', text: body }];

describe('the generator refuses', () => {
  it.each([
    ['a duplicate word', 'a:\n  doc: d\n  shape: words\n  entries: [kim, kim]\n', 'test.yaml: a: duplicate entry `kim`'],
    [
      'a verb listed twice in the damage table',
      'a:\n  doc: d\n  shape: damage-verbs\n  entries:\n    - { verb: [locked], then: [out] }\n    - { verb: [locked] }\n',
      'test.yaml: a: duplicate entry `locked`',
    ],
    [
      'two words in a list of words',
      'a:\n  doc: d\n  shape: words\n  entries: [on call]\n',
      'test.yaml: a: `on call` is not one word as the tokenizer reads it, so no rule can match it',
    ],
    [
      'upper case in a lower-case list',
      'a:\n  doc: d\n  shape: words\n  entries: [Kim]\n',
      'test.yaml: a: `Kim` must be lower case (words are compared in lower case)',
    ],
    [
      'punctuation the tokenizer splits off',
      'a:\n  doc: d\n  shape: phrases\n  entries: ["oops!"]\n',
      'test.yaml: a: `oops!` is not one word as the tokenizer reads it, so no rule can match it',
    ],
    [
      'a phrase a shorter one hides',
      'a:\n  doc: d\n  shape: phrases\n  entries: [sloppy, sloppy work]\n',
      'test.yaml: a: `sloppy work` can never match: `sloppy` matches first',
    ],
    [
      'an unknown shape',
      'a:\n  doc: d\n  shape: set\n  entries: [x]\n',
      'test.yaml: a: `shape` must be one of words, cased-words, phrases, damage-verbs, judgement',
    ],
    [
      'an unknown check',
      'a:\n  doc: d\n  shape: words\n  trigger: blame\n  entries: [x]\n',
      'test.yaml: a: `trigger` must be one of personAsCause, counterfactual, humanError, judgement, punitive, hindsight, vagueAction',
    ],
    ['a list without a purpose', 'a:\n  shape: words\n  entries: [x]\n', 'test.yaml: a: `doc` must say what the list is for'],
    ['the same list name in two files', null, 'two.yaml: a: the list name is also used in one.yaml'],
  ])('%s', (_, body, problem) => {
    const input = body ?? [
      { name: 'one.yaml', text: 'a:\n  doc: d\n  shape: words\n  entries: [x]\n' },
      { name: 'two.yaml', text: 'a:\n  doc: d\n  shape: words\n  entries: [y]\n' },
    ];
    expect(buildVocabularyModule(typeof input === 'string' ? list(input) : input).problems).toContain(problem);
  });

  it('derives the triggers from the lists marked `trigger:`, a phrase by its rarest word', () => {
    const { module } = buildVocabularyModule(list('a:\n  doc: d\n  shape: phrases\n  trigger: hindsight\n  entries: [in hindsight]\n'));
    expect(module).toMatch(/hindsight: \["hindsight"\]/);
  });
});

describe('bugs the duplicated and hand-kept lists caused', () => {
  const people = createPeople(['kim', 'theo'], true);
  it.each([
    ['Kim locked the config file for editing.', []],
    ['Kim locked everyone out of the admin console.', ['blame/person-as-cause']],
    ["Theo's migration script locked the accounts table for forty minutes.", ['blame/person-as-cause']],
    ['The incident is on the platform team.', ['blame/person-as-cause']],
    ['The bug is on Kim.', ['blame/person-as-cause']],
  ])('%s', (text, rules) => {
    expect([...new Set(lintProse(text, { people }).map((f) => f.ruleId))]).toEqual(rules);
  });
});
