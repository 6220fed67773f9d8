/** The WordNet person lexicon as the rules read it: singulars, plurals, and the nouns left to software. */
import { describe, expect, it } from 'vitest';
import { isLexiconPerson } from '../../src/lint/grammar/people.js';
import { PERSON_NOUNS } from '../../src/lint/vocabulary/person-nouns.js';

describe('isLexiconPerson', () => {
  it.each([
    ['sommelier', true],
    ['sommeliers', true],
    ['fishermen', true],
    ['salespeople', true],
    ['deputies', true],
    ['individual', true],
    ['individuals', true],
    ['broker', false],
    ['consumer', false],
    ['vendor', false],
    ['customer', false],
    ['patient', false],
    ['router', false],
    ['database', false],
  ])('%s → %s', (word, expected) => {
    expect(isLexiconPerson(word)).toBe(expected);
  });

  it('holds lower-case singulars only, with no proper names', () => {
    expect(PERSON_NOUNS.size).toBeGreaterThan(4000);
    for (const noun of PERSON_NOUNS) expect(noun).toMatch(/^[a-z][a-z'-]*$/);
    expect(PERSON_NOUNS.has('einstein')).toBe(false);
  });
});
