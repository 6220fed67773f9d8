/**
 * The YAML mistakes of a first post-mortem get a hint that says what to
 * write, and the rest of the file is still checked; loader problems carry the
 * field path of the key, like every other diagnostic.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/config.js';
import { checkIncident } from '../../src/validate/check-incident.js';
import { parseYamlSource } from '../../src/load/parse.js';
import { edit } from '../validate/minimal.js';

const brief = (text: string) =>
  checkIncident('f.yaml', text, DEFAULT_CONFIG).diagnostics.map(
    (d) => `${d.line}:${d.column} ${d.ruleId}${d.path ? ` at ${d.path}` : ''}${d.note ? ` | ${d.note}` : ''}`,
  );

describe('common YAML mistakes', () => {
  it.each([
    ['a colon in a plain value', ['title: Checkout errors', 'title: Outage: DB down'], '1:8 schema/yaml-syntax | Quote the value: `title: "Outage: DB down"`'],
    ['a colon in a list item', ['  - action: Add a test', '  - action: Alert on: errors'], 'Quote the value: `- action: "Alert on: errors"`'],
    ['a tab as indentation', ['  immediate: A null pointer', '\timmediate: A null pointer'], 'Indent with spaces: YAML does not allow tabs as indentation'],
    [
      'an unclosed double quote',
      ['summary: Checkout failed for some users.', 'summary: "Checkout failed for some users.'],
      'Close the quote on line 4: `summary: "Checkout failed for some users."`',
    ],
  ])('%s gets a hint that says what to write', (_, [from, to], expected) => {
    const text = edit([from!, to!]);
    expect(
      brief(text)
        .filter((line) => line.includes('schema/yaml-syntax'))
        .join('\n'),
    ).toContain(expected);
  });

  it.each([
    [
      'a colon in a plain value',
      ['title: Checkout errors', 'title: Outage: DB down'],
      'The value of `title` holds `: `, which YAML reads as the start of a nested mapping',
    ],
    ['a tab as indentation', ['  immediate: A null pointer', '\timmediate: A null pointer'], 'The line of `immediate` is indented with a tab'],
    [
      'an unclosed double quote',
      ['summary: Checkout failed for some users.', 'summary: "Checkout failed for some users.'],
      'The quote that opens the value of `summary` on line 4 is never closed',
    ],
  ])("%s is named in the user's terms: the key, not the parser's wording", (_, [from, to], expected) => {
    const messages = checkIncident('f.yaml', edit([from!, to!]), DEFAULT_CONFIG)
      .diagnostics.filter((d) => d.ruleId === 'schema/yaml-syntax')
      .map((d) => d.message);
    expect(messages).toContain(expected);
  });

  it('keeps checking the rest of the file past an unquoted colon', () => {
    const text = edit(['title: Checkout errors', 'title: Outage: DB down'], ['severity: SEV2', 'severity: SEV9'], ['date: 2024-01-15', 'date: 2024-02-30']);
    const found = brief(text);
    expect(found[0]).toMatch(/^1:8 schema\/yaml-syntax/);
    expect(found.some((line) => /^2:7 .* at date/.test(line))).toBe(true);
    expect(found.some((line) => /^3:11 .* at severity/.test(line))).toBe(true);
  });

  it('reports a value with two colons once, not once per colon', () => {
    const found = brief(edit(['title: Checkout errors', 'title: a: b: c'])).filter((line) => line.includes('schema/yaml-syntax'));
    expect(found).toEqual([
      '1:8 schema/yaml-syntax | Quote the value: `title: "a: b: c"` (a colon followed by a space starts a mapping unless the text is in quotes).',
    ]);
  });

  it('reports a tab used as indentation once, without the parser errors that follow from it', () => {
    const found = brief(edit(['  immediate: A null pointer', '\timmediate: A null pointer'])).filter((line) => line.includes('schema/yaml-syntax'));
    expect(found).toHaveLength(1);
    expect(found[0]).toContain('Indent with spaces');
  });

  it('reports nothing invented when no repair is known', () => {
    const found = brief(edit(['title: Checkout errors', 'title: [Checkout errors']));
    expect(found.every((line) => line.includes('schema/yaml-syntax'))).toBe(true);
  });
});

describe('loader problems carry the field path of the key', () => {
  it.each([
    ['a duplicate top-level key', edit(['severity: SEV2\n', 'severity: SEV2\nseverity: SEV3\n']), 'schema/duplicate-key', 'severity'],
    [
      'a __proto__ key in an action item',
      edit(['  - action: Add a test\n', '  - action: Add a test\n    __proto__: x\n']),
      'schema/forbidden-key',
      'action_items[0].__proto__',
    ],
    [
      'a constructor key in impact',
      edit(['  description: 5% of requests failed\n', '  description: 5% of requests failed\n  constructor: x\n']),
      'schema/forbidden-key',
      'impact.constructor',
    ],
    ['an alias naming no anchor', edit(['resolution: Rolled back', 'resolution: *steps']), 'schema/unknown-alias', 'resolution'],
  ])('%s', (_, text, ruleId, path) => {
    const diagnostic = parseYamlSource('f.yaml', text).diagnostics.find((d) => d.ruleId === ruleId);
    expect(diagnostic?.path).toBe(path);
  });

  it('an alias that expands too far names the first alias', () => {
    const rows = ['title: x', 'x-a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
    for (const [name, prev] of [
      ['b', 'a'],
      ['c', 'b'],
      ['d', 'c'],
      ['e', 'd'],
      ['f', 'e'],
    ])
      rows.push(`x-${name}: &${name} [${Array(9).fill(`*${prev}`).join(', ')}]`);
    const diagnostic = parseYamlSource('f.yaml', rows.join('\n')).diagnostics[0];
    expect(diagnostic).toMatchObject({ ruleId: 'schema/alias-limit', path: 'x-b[0]' });
  });
});
