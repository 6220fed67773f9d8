/**
 * The hint of each diagnostic a new user meets first: what to write, built
 * from what they wrote where it can be (`20-03-2024` → `2024-03-20`). One row
 * per case: the edit to the minimal incident, the field path, the hint
 * (`note`) and the suggested values.
 */
import { describe, expect, it } from 'vitest';
import { checkConfig, DEFAULT_CONFIG } from '../../src/config/config.js';
import { formatGithub } from '../../src/diagnostics/format/github.js';
import { formatText } from '../../src/diagnostics/format/text.js';
import { checkIncident } from '../../src/validate/check-incident.js';
import { fieldPlaces } from '../../src/validate/field-places.js';
import { incidentJsonSchema } from '../../src/validate/schema.js';
import { incidentFieldPlaces } from '../../src/validate/standalone-validators.js';
import { edit } from './minimal.js';

const only = (text: string) => {
  const { diagnostics } = checkIncident('incident.yaml', text, DEFAULT_CONFIG);
  expect(diagnostics.map((d) => d.message)).toHaveLength(1);
  return diagnostics[0]!;
};

const impact = (line: string) => edit(['  description: 5% of requests failed', `  description: 5% of requests failed\n  ${line}`]);
const deadline = (value: string) => edit(['  - action: Add a test', `  - action: Add a test\n    deadline: ${value}`]);
const date = (value: string) => edit(['date: 2024-01-15', `date: ${value}`]);

describe('hints', () => {
  it.each([
    {
      name: 'a word for a count',
      text: impact('users_affected: many'),
      path: 'impact.users_affected',
      note: 'Write a whole number without quotes, e.g. `users_affected: 250`; an estimate will do, or leave the field out when there is none.',
      suggestions: [],
    },
    {
      name: 'a count written with its unit and separators',
      text: impact('users_affected: "~1,200 users"'),
      path: 'impact.users_affected',
      note: 'Write the number alone, without quotes, units or separators: `users_affected: 1200`.',
      suggestions: ['1200'],
    },
    {
      name: 'a share written with its percent sign',
      text: impact('requests_failed_pct: 5%'),
      path: 'impact.requests_failed_pct',
      note: 'Write the number alone, without quotes, units or separators: `requests_failed_pct: 5`.',
      suggestions: ['5'],
    },
    {
      name: 'a fractional count',
      text: impact('users_affected: 12.5'),
      path: 'impact.users_affected',
      note: 'Write a whole number: `users_affected: 13`.',
      suggestions: ['13'],
    },
    {
      name: 'a day February does not have',
      text: date('2024-02-30'),
      path: 'date',
      note: 'February 2024 has 29 days: the last is `2024-02-29`; check the day.',
      suggestions: [],
    },
    {
      name: 'a leap day in a common year',
      text: deadline('2023-02-29'),
      path: 'action_items[0].deadline',
      note: 'February 2023 has 28 days: the last is `2023-02-28`; check the day.',
      suggestions: [],
    },
    {
      name: 'day and month swapped',
      text: date('2024-13-05'),
      path: 'date',
      note: 'There is no month 13: the form is YYYY-MM-DD (year, month, day); with day and month swapped it is `2024-05-13`.',
      suggestions: [],
    },
    {
      name: 'day 00',
      text: date('2024-01-00'),
      path: 'date',
      note: 'Days count from 01: the first of January 2024 is `2024-01-01`.',
      suggestions: [],
    },
    {
      name: 'a deadline written day first',
      text: deadline('20-03-2024'),
      path: 'action_items[0].deadline',
      note: 'Write the date as YYYY-MM-DD (year, month, day): `2024-03-20`.',
      suggestions: ['2024-03-20'],
    },
    {
      name: 'a date that reads either way',
      text: date('03/04/2024'),
      path: 'date',
      note: 'Write the date as YYYY-MM-DD (year, month, day): `2024-04-03` for 3 April 2024, or `2024-03-04` for 4 March 2024.',
      suggestions: ['2024-04-03', '2024-03-04'],
    },
    {
      name: 'a date with slashes and no padding',
      text: deadline('2024/3/5'),
      path: 'action_items[0].deadline',
      note: 'Write the date as YYYY-MM-DD (year, month, day): `2024-03-05`.',
      suggestions: ['2024-03-05'],
    },
    {
      name: 'a date with a time',
      text: deadline('2024-03-20 17:00'),
      path: 'action_items[0].deadline',
      note: 'This field holds the day only, as YYYY-MM-DD (year, month, day): `2024-03-20`; times go in the timeline.',
      suggestions: ['2024-03-20'],
    },
    {
      name: 'a date in words',
      text: deadline('next week'),
      path: 'action_items[0].deadline',
      note: 'Write the date as YYYY-MM-DD (year, month, day), e.g. `2024-01-15` for 15 January 2024.',
      suggestions: [],
    },
  ])('$name', ({ text, path, note, suggestions }) => {
    const diagnostic = only(text);
    expect([diagnostic.path, diagnostic.note, diagnostic.suggestions]).toEqual([path, note, suggestions]);
  });
});

describe('a duplicate key', () => {
  const text = edit(['title: Checkout errors\n', 'title: Checkout errors\nsummary: Again.\n']);

  it('points at the first one and says what to do', () => {
    const diagnostic = only(text);
    expect(diagnostic).toMatchObject({
      ruleId: 'schema/duplicate-key',
      line: 5,
      path: 'summary',
      note: 'Keep one `summary:`: merge this value into the first one and delete this one, or rename one of the two keys.',
      cause: { file: 'incident.yaml', line: 2, column: 1, message: 'the first `summary`' },
    });
  });

  it('shows the first one as `see:` in the text and github formats', () => {
    const diagnostic = only(text);
    expect(formatText([diagnostic])).toContain('see: 2:1: the first `summary`\n');
    expect(formatGithub([diagnostic])).toContain('%0Asee: 2:1: the first `summary`\n');
  });
});

describe('a severity off the scale', () => {
  const check = (value: string, severities = DEFAULT_CONFIG.severities) => {
    const { diagnostics } = checkIncident('incident.yaml', edit(['severity: SEV2', `severity: ${value}`]), { severities });
    expect(diagnostics).toHaveLength(1);
    return diagnostics[0]!;
  };
  const SCALE = 'the scale is SEV1, SEV2, SEV3, SEV4, SEV5 (`severities` in postmortem.config.yaml)';

  it.each([
    {
      value: '2',
      message: '`severity` must be text, not the number 2',
      note: `YAML read this as a number, but a severity is a level of the scale: write \`severity: SEV2\`; ${SCALE}.`,
      suggestions: ['SEV2'],
    },
    {
      value: '"2"',
      message: '`2` is not on the severity scale; did you mean `SEV2`?',
      note: `Write \`severity: SEV2\`: ${SCALE}.`,
      suggestions: ['SEV2'],
    },
    { value: 'P2', message: '`P2` is not on the severity scale; did you mean `SEV2`?', note: `Write \`severity: SEV2\`: ${SCALE}.`, suggestions: ['SEV2'] },
    {
      value: 'sev 4',
      message: '`sev 4` is not on the severity scale; did you mean `SEV4`?',
      note: `Write \`severity: SEV4\`: ${SCALE}.`,
      suggestions: ['SEV4'],
    },
    {
      value: '9',
      message: '`severity` must be text, not the number 9',
      note: 'YAML read this as a number, but a severity is a level of the scale: SEV1, SEV2, SEV3, SEV4, SEV5 (`severities` in postmortem.config.yaml).',
      suggestions: [],
    },
    {
      value: 'high',
      message: '`high` is not on the severity scale',
      note: 'The scale comes from `severities` in postmortem.config.yaml (default SEV1..SEV5).',
      suggestions: [],
    },
  ])('`severity: $value` suggests the level its digits name', ({ value, message, note, suggestions }) => {
    const diagnostic = check(value);
    expect([diagnostic.message, diagnostic.note, diagnostic.suggestions]).toEqual([message, note, suggestions]);
  });

  it.each([
    ['1', 'P1'],
    ['SEV2', 'P2'],
    ['"0"', 'P0'],
  ])('on a configured scale of P0..P3, `severity: %s` suggests `%s`', (value, level) => {
    expect(check(value, ['P0', 'P1', 'P2', 'P3']).suggestions).toEqual([level]);
  });
});

describe('a known field at the wrong level', () => {
  it.each([
    {
      name: '`five_whys` at the top level',
      text: edit(['lessons:', 'five_whys: [It broke]\nlessons:']),
      path: 'five_whys',
      note: '`five_whys` belongs under `root_cause` (`root_cause.five_whys`): move it there.',
    },
    {
      name: '`five_whys` one level too deep, in a timeline entry',
      text: edit(['    type: start', '    type: start\n    five_whys: [It broke]']),
      path: 'timeline[0].five_whys',
      note: '`five_whys` belongs under `root_cause` (`root_cause.five_whys`): move it there.',
    },
    {
      name: '`summary` under `impact`',
      text: edit(['  description: 5% of requests failed', '  description: 5% of requests failed\n  summary: Checkout failed.']),
      path: 'impact.summary',
      note: '`summary` belongs at the top level (`summary`): move it there.',
    },
    {
      name: '`type` at the top level, which two lists have',
      text: edit(['lessons:', 'type: deploy\nlessons:']),
      path: 'type',
      note: '`type` belongs in a `timeline` entry or in an `action_items` entry (`timeline[].type`, `action_items[].type`): move it there.',
    },
    {
      name: 'a field no level has keeps the general hint',
      text: edit(['lessons:', 'flavour: mint\nlessons:']),
      path: 'flavour',
      note: 'Custom data goes under a key that starts with `x-`, which is kept and ignored.',
    },
  ])('$name', ({ text, path, note }) => {
    const diagnostic = only(text);
    expect([diagnostic.ruleId, diagnostic.path, diagnostic.note]).toEqual(['schema/unknown-field', path, note]);
  });

  it('in the configuration too: `repo` at the top level belongs under `sync`', () => {
    const [diagnostic] = checkConfig('postmortem.config.yaml', 'repo: acme/platform\n').diagnostics;
    expect(diagnostic?.note).toBe('`repo` belongs under `sync` (`sync.repo`): move it there.');
  });

  it('reads the places from the schema, as `npm run schemas` ships them', () => {
    expect(fieldPlaces(incidentJsonSchema())).toEqual(incidentFieldPlaces);
    expect(incidentFieldPlaces.five_whys).toEqual(['root_cause.five_whys']);
    expect(incidentFieldPlaces.title).toEqual(['title', 'lessons[].title']);
  });
});
