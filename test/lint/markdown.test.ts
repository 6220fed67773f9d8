/** Markdown: what is prose, what is not, and suppression comments. */
import { describe, expect, it } from 'vitest';
import { formatLine } from '../../src/diagnostics/format/text.js';
import { DEFAULT_LINT_SETTINGS, lintMarkdown } from '../../src/lint/index.js';

const lines = (markdown: string) => lintMarkdown('a.md', markdown).map(formatLine);
const rules = (markdown: string) => lintMarkdown('a.md', markdown).map((d) => d.ruleId);

describe('not prose', () => {
  it.each([
    ['a fenced code block', '```\nRoot cause: human error\n```\n'],
    ['inline code', 'The flag `careless` was set.\n'],
    ['a bare URL', 'See https://example.com/obviously-wrong for the graph.\n'],
    ['front matter', '---\nsummary: The change was careless.\n---\n\n# Title\n'],
    ['a block quote of a log or chat', '> 10:02 kim: obviously I was careless\n'],
    ['an HTML comment', '<!-- the change was careless -->\n'],
  ])('%s', (_, markdown) => {
    expect(rules(markdown)).toEqual([]);
  });
});

describe('prose', () => {
  it.each([
    ['a paragraph', 'The change was careless.\n', 'blame/judgement'],
    ['a heading', '## Why the on-call forgot to escalate\n', 'blame/counterfactual'],
    ['a list item', '- Be more careful when deploying.\n', 'blame/vague-action'],
    ['a table cell', '| action | owner |\n|---|---|\n| Double-check configs | kim |\n', 'blame/vague-action'],
    ['emphasis inside a sentence', 'The reviewer *ought to have* caught it.\n', 'blame/counterfactual'],
    ['a link label', 'The [engineer was reprimanded](https://example.com/hr).\n', 'blame/punitive'],
  ])('%s', (_, markdown, rule) => {
    expect(rules(markdown)).toEqual([rule]);
  });
});

describe('names', () => {
  it.each([
    ['front matter participants', '---\nparticipants: [zoltan]\n---\n\nzoltan broke the build.\n'],
    ['an "Authors:" line', '**Authors:** zoltan, Mirela\n\nzoltan broke the build.\n'],
  ])('from %s', (_, markdown) => {
    expect(rules(markdown)).toEqual(['blame/person-as-cause']);
  });

  it('from the `people:` list of the configuration', () => {
    const settings = { ...DEFAULT_LINT_SETTINGS, people: ['Zoltan'] };
    expect(lintMarkdown('a.md', 'Zoltan broke the build.\n', { settings }).map((d) => d.ruleId)).toEqual(['blame/person-as-cause']);
  });

  it.each([
    ['an undeclared capitalised name', 'Zoltan broke the build.\n'],
    ['a product name', 'Cloud Build failed to start, which caused the outage.\n'],
    ['a capitalised role inside a product name', 'Users of Visual Studio Team Services would have seen errors.\n'],
  ])('not from %s: a capitalised word is not guessed to be a person', (_, markdown) => {
    expect(rules(markdown)).toEqual([]);
  });
});

describe('suppressions', () => {
  it('disable … enable covers the lines between, for the listed rules', () => {
    const markdown = '<!-- postmortem-disable blame/judgement -->\nThe change was careless.\n<!-- postmortem-enable -->\n\nThe change was sloppy.\n';
    expect(lines(markdown)).toEqual([
      '5:16-5:22 warning `sloppy`: judgemental words about people or their work; judgemental words make people defend themselves instead of explaining what they saw blame/judgement',
    ]);
  });
  it('disable-next-line skips blank lines and takes families', () => {
    expect(rules('<!-- postmortem-disable-next-line blame -->\n\nObviously it broke.\n')).toEqual([]);
  });
  it('a disable without rules covers every rule to the end of the file', () => {
    expect(rules('<!-- postmortem-disable -->\nThe change was careless.\n\nSam forgot to renew it.\n')).toEqual([]);
  });
  it.each([
    [
      'a rule that does not match',
      '<!-- postmortem-disable-next-line blame/hindsight -->\nThe change was careless.\n',
      ['blame/unused-suppression', 'blame/judgement'],
    ],
    ['a line without findings', '<!-- postmortem-disable-next-line -->\nAll good.\n', ['blame/unused-suppression']],
  ])('an unused suppression is reported: %s', (_, markdown, expected) => {
    expect(rules(markdown)).toEqual(expected);
  });
});

describe('the block scanner agrees with remark on what is prose', () => {
  it.each([
    ['indented code after a blank line', 'Intro.\n\n    Root cause: human error\n', []],
    ['an HTML block', '<div>\nThe change was careless.\n</div>\n', []],
    ['a tilde fence', '~~~\nObviously broken\n~~~\n', []],
    ['a lazy block quote continuation', '> log line\nobviously careless\n', []],
    ['a setext heading', 'The change was careless\n=======================\n', ['blame/judgement']],
    ['a paragraph right after a thematic break', '---\nThe change was careless.\n', ['blame/judgement']],
    ['a nested list item', '- Fix:\n  - Be more careful.\n', ['blame/vague-action']],
    ['a link target', 'See [the graph](https://example.com/careless).\n', []],
    ['an image', '![careless](x.png) shows the spike.\n', []],
    ['an autolink', '<https://example.com/human-error>\n', []],
    ['a table cell with inline code', '| event | note |\n|---|---|\n| `careless` flag | the on-call forgot to renew it |\n', ['blame/counterfactual']],
  ])('%s', (_, markdown, expected) => {
    expect(rules(markdown)).toEqual(expected);
  });

  it('keeps positions in a CRLF file', () => {
    expect(lines('# T\r\n\r\nThe change was careless.\r\n')).toEqual([
      '3:16-3:24 warning `careless`: judgemental words about people or their work; judgemental words make people defend themselves instead of explaining what they saw blame/judgement',
    ]);
  });

  it('positions inside emphasis and entities point at the phrase', () => {
    const markdown = 'Tom &amp; Kim: the reviewer **ought to have** caught it.\n';
    const [d] = lintMarkdown('a.md', markdown);
    expect(markdown.slice(d!.column! - 1, d!.endColumn! - 1)).toBe('ought to have');
  });
});

it('reads a paragraph continued inside a list item', () => {
  expect(rules('- First point.\n\n    The change was careless.\n')).toEqual(['blame/judgement']);
});
