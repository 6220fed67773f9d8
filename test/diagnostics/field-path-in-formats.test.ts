/**
 * The text and github formats name the same field path: `at sumary` for a
 * top-level field as much as `at impact.descripton` for a nested one, also
 * when the message quotes the name, so a reader never has to guess the level.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/config.js';
import { formatGithub } from '../../src/diagnostics/format/github.js';
import { formatText } from '../../src/diagnostics/format/text.js';
import { checkIncident } from '../../src/validate/check-incident.js';
import { edit } from '../validate/minimal.js';

const only = (text: string) => {
  const { diagnostics } = checkIncident('incident.yaml', text, DEFAULT_CONFIG);
  expect(diagnostics).toHaveLength(1);
  return diagnostics[0]!;
};

describe('the field path in the text and github formats', () => {
  it.each([
    { name: 'a misspelt top-level field', text: edit(['summary:', 'sumary:']), path: 'sumary' },
    { name: 'a missing top-level field', text: edit(['title: Checkout errors\n', '']), path: 'title' },
    { name: 'a top-level value of the wrong type', text: edit(['title: Checkout errors', 'title: 42']), path: 'title' },
    { name: 'a misspelt nested field', text: edit(['  description: 5%', '  descripton: 5%']), path: 'impact.descripton' },
    { name: 'a field in a list entry', text: edit(['    type: start', '    tpye: start']), path: 'timeline[0].tpye' },
  ])('$name: both say `at $path`', ({ text, path }) => {
    const diagnostic = only(text);
    expect(diagnostic.path).toBe(path);
    expect(formatText([diagnostic]).split('\n')[1]).toContain(` at ${path}  ${diagnostic.ruleId}`);
    expect(formatGithub([diagnostic])).toContain(`%0Aat ${path}`);
  });
});
