/**
 * A phrase found in a YAML value is reported at its own line and column in
 * the file, whatever the scalar style: the reported range, cut from the
 * file, must be the phrase (modulo folded whitespace).
 */
import { describe, expect, it } from 'vitest';
import { formatLine } from '../../src/diagnostics/format/text.js';
import { lintIncidentSource } from '../../src/lint/index.js';

function cut(text: string, d: { line: number | null; column: number | null; endLine: number | null; endColumn: number | null }): string {
  const lines = text.split('\n');
  if (d.line === d.endLine) return lines[d.line! - 1]!.slice(d.column! - 1, d.endColumn! - 1);
  const parts = [lines[d.line! - 1]!.slice(d.column! - 1), ...lines.slice(d.line!, d.endLine! - 1), lines[d.endLine! - 1]!.slice(0, d.endColumn! - 1)];
  return parts.join('\n');
}

const header = 'title: T\nparticipants: [kim, lee, sam, priya]\n';

describe('scalar styles map back to the phrase', () => {
  it.each([
    ['plain', 'summary: The reviewer ought to have caught it.\n', 'ought to have', 'summary'],
    ['plain, multi-line', 'summary: The change shipped and\n  Kim took down\n  the payment API.\n', 'Kim took down', 'summary'],
    ['plain, phrase across a line break', 'summary: The deploy was fine, but Kim took\n  down the payment API.\n', 'Kim took\n  down', 'summary'],
    ['double-quoted with escapes', 'summary: "A \\"quoted\\" word, then \\u00e9t\\u00e9 and Kim took down the API"\n', 'Kim took down', 'summary'],
    ['single-quoted with a doubled quote', "summary: 'It''s clear: the on-call neglected to escalate.'\n", 'neglected to', 'summary'],
    ['folded block', 'summary: >\n  First line.\n  Root cause: human error.\n', 'human error', 'summary'],
    ['folded block, more indented', 'summary: >-\n  First line.\n    The change was careless.\n', 'careless', 'summary'],
    ['literal block', 'root_cause:\n  immediate: |\n    Line one.\n    Obviously the config was wrong.\n', 'Obviously', 'root_cause.immediate'],
    ['sequence item', 'resolution:\n  - Rolled back\n  - Sam forgot to renew the certificate\n', 'forgot to', 'resolution[1]'],
    ['lesson detail', 'lessons:\n  - title: Canaries\n    detail: The engineer was reprimanded.\n', 'reprimanded', 'lessons[0].detail'],
    ['timeline event', 'timeline:\n  - time: "10:00"\n    event: Priya failed to notice the alert\n', 'failed to', 'timeline[0].event'],
  ])('%s', (_, body, phrase, path) => {
    const text = header + body;
    const blame = lintIncidentSource('a.yaml', text).filter((d) => d.ruleId.startsWith('blame/'));
    expect(blame).toHaveLength(1);
    expect(cut(text, blame[0]!)).toBe(phrase);
    expect(blame[0]!.path).toBe(path);
  });
});

it('reads the prose of a file that fails validation', () => {
  const text = 'title: [broken\nsummary: Kim took down the API.\n';
  const lines = lintIncidentSource('bad.yaml', text).map(formatLine);
  expect(lines.some((l) => l.includes('schema/yaml-syntax'))).toBe(true);
});

it('skips fields that are not prose', () => {
  const text = 'title: Kim took down the API\ntags: [careless]\nx-note: obviously\nsummary: fine\n';
  expect(lintIncidentSource('a.yaml', text).filter((d) => d.ruleId.startsWith('blame/'))).toEqual([]);
});

it('knows the people the file lists', () => {
  const text =
    'participants: [zoltan]\naction_items:\n  - action: Fix it\n    owner: "@mirela"\nsummary: zoltan broke the build and mirela forgot to renew it.\n';
  const rules = lintIncidentSource('a.yaml', text)
    .filter((d) => d.ruleId.startsWith('blame/'))
    .map((d) => d.ruleId);
  expect(rules).toEqual(['blame/person-as-cause', 'blame/counterfactual']);
});

it('keeps positions with a BOM and CRLF line endings', () => {
  const text = '\uFEFFtitle: T\r\nsummary: >\r\n  First line.\r\n  Kim took down the API.\r\n';
  const [d] = lintIncidentSource('a.yaml', text, { people: ['kim'] }).filter((x) => x.ruleId.startsWith('blame/'));
  expect(formatLine(d!).slice(0, 16)).toBe('4:3-4:16 warning');
  expect(cut(text.slice(1), d!)).toBe('Kim took down');
});
