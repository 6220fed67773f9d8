/**
 * Every way an incident can be wrong, one row each: the edit made to the
 * minimal valid incident (test/validate/minimal.ts) and the exact diagnostics
 * it must produce, formatted as `line:col-line:col severity message (path) rule`.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/config.js';
import { formatLine } from '../../src/diagnostics/format/text.js';
import { checkIncident } from '../../src/validate/check-incident.js';
import { edit, MINIMAL } from './minimal.js';

const check = (text: string) => checkIncident('incident.yaml', text, DEFAULT_CONFIG);

describe('invalid incidents', () => {
  it.each([
    [
      'misspelt top-level field, reported once',
      edit(['summary:', 'sumary:']),
      ['4:1-4:7 error Unknown field `sumary`; did you mean `summary`? (sumary) schema/unknown-field'],
    ],
    [
      'misspelt nested field',
      edit(['  description: 5%', '  descripton: 5%']),
      ['6:3-6:13 error Unknown field `descripton`; did you mean `description`? (impact.descripton) schema/unknown-field'],
    ],
    [
      'swapped letters in a timeline key',
      edit(['    type: start', '    tpye: start']),
      ['10:5-10:9 error Unknown field `tpye`; did you mean `type`? (timeline[0].tpye) schema/unknown-field'],
    ],
    [
      'unknown field with no close name',
      edit(['lessons:', 'flavour: mint\nlessons:']),
      ['16:1-16:8 error Unknown field `flavour` (flavour) schema/unknown-field'],
    ],
    [
      'missing top-level field points at the document start',
      edit(['title: Checkout errors\n', '']),
      ['1:1 error Missing required field `title` (title) schema/required'],
    ],
    [
      'missing nested field points at the parent key',
      edit(['  immediate: A null pointer', '  x-note: tbd']),
      ['11:1 error Missing required field `immediate` (root_cause.immediate) schema/required'],
    ],
    [
      'missing field in a list entry points at the entry',
      edit(['    event: Errors began\n', '']),
      ['8:5 error Missing required field `event` (timeline[0].event) schema/required'],
    ],
    [
      'a number where text is expected',
      edit(['title: Checkout errors', 'title: 42']),
      ['1:8-1:10 error `title` must be text, not the number 42 (title) schema/type'],
    ],
    ['a key with no value', edit(['title: Checkout errors', 'title:']), ['1:7 error `title` must be text, not an empty value (null) (title) schema/type']],
    [
      'an empty folded block scalar',
      edit(['summary: Checkout failed for some users.', 'summary: >\n']),
      ['4:10-4:11 error `summary` must not be empty (summary) schema/empty'],
    ],
    [
      'an unknown key after a folded block scalar',
      edit(['    event: Errors began', '    event: >\n      Errors\n      began\n    when: now']),
      ['12:5-12:9 error Unknown field `when` (timeline[0].when) schema/unknown-field'],
    ],
    [
      'a bad time inside a folded block scalar: from the indicator to the last character',
      edit(['"10:00"', '>-\n      10h00']),
      ['8:11-9:12 error `10h00` is not a time this format understands (timeline[0].time) schema/time'],
    ],
    [
      'a key after a literal block scalar keeps its own line',
      edit(['summary: Checkout failed for some users.', 'summary: |\n  Checkout failed\n  for some users.\nsumary: x']),
      ['7:1-7:7 error Unknown field `sumary`; did you mean `summary`? (sumary) schema/unknown-field'],
    ],
    ['severity not on the scale', edit(['SEV2', 'SEV9']), ['3:11-3:15 error `SEV9` is not on the severity scale (severity) schema/severity']],
    [
      'misspelt status',
      edit(['lessons:', 'status: publshed\nlessons:']),
      ['16:9-16:17 error `status` must be one of draft | in-review | published; found `publshed`; did you mean `published`? (status) schema/enum'],
    ],
    [
      'a missing date: times of day are checked for form only, not reported again',
      edit(['date: 2024-01-15\n', '']),
      ['1:1 error Missing required field `date` (date) schema/required'],
    ],
    [
      'a missing date and a malformed time',
      edit(['date: 2024-01-15\n', ''], ['"10:00"', '"10h00"']),
      [
        '1:1 error Missing required field `date` (date) schema/required',
        '7:11-7:18 error `10h00` is not a time this format understands (timeline[0].time) schema/time',
      ],
    ],
    ['a date that does not exist', edit(['2024-01-15', '2024-02-30']), ['2:7-2:17 error `2024-02-30` is not a real calendar day (date) schema/date']],
    ['a date in another form', edit(['2024-01-15', '15.01.2024']), ['2:7-2:17 error `date` has the wrong form: `15.01.2024` (date) schema/format']],
    [
      'a misspelt time zone',
      edit(['date: 2024-01-15', 'date: 2024-01-15\ntimezone: Europe/Berln']),
      ['3:11-3:23 error `Europe/Berln` is not an IANA time zone; did you mean `Europe/Berlin`? (timezone) schema/timezone'],
    ],
    ['a time with a dot', edit(['"10:00"', '"10.00"']), ['8:11-8:18 error `10.00` is not a time this format understands (timeline[0].time) schema/time']],
    ['hour 24', edit(['"10:00"', '"24:10"']), ['8:11-8:18 error `24:10` is not a valid time of day (timeline[0].time) schema/time']],
    [
      'a time YAML read as a number',
      edit(['"10:00"', '1000']),
      ['8:11-8:15 error `timeline[0].time` must be text, not the number 1000 (timeline[0].time) schema/type'],
    ],
    [
      'a timeline out of order',
      edit(['    type: start\n', '    type: start\n  - time: "09:30"\n    event: Paged\n']),
      [
        '11:11-11:18 error `09:30` is earlier than `10:00` at `timeline[0].time`; the timeline must be in chronological order (timeline[1].time) schema/timeline-order',
      ],
    ],
    [
      'a local time skipped by the spring-forward change',
      edit(['date: 2024-01-15', 'date: 2024-03-31\ntimezone: Europe/Berlin'], ['"10:00"', '"02:30"']),
      ['9:11-9:18 error `02:30` does not exist in Europe/Berlin: the clocks skipped it (daylight saving change) (timeline[0].time) schema/time-nonexistent'],
    ],
    [
      'two action items with one id',
      edit(['  - action: Add a test', '  - id: add-test\n    action: Add a test\n  - id: add-test\n    action: Add a canary']),
      ['17:9-17:17 error Action id `add-test` is already used by `action_items[0]` (action_items[1].id) schema/duplicate-id'],
    ],
    [
      'a deadline that does not exist',
      edit(['  - action: Add a test', '  - action: Add a test\n    deadline: 2024-02-30']),
      ['16:15-16:25 error `2024-02-30` is not a real calendar day (action_items[0].deadline) schema/date'],
    ],
    [
      'an unknown action status',
      edit(['  - action: Add a test', '  - action: Add a test\n    status: closed']),
      ['16:13-16:19 error `action_items[0].status` must be one of open | in-progress | done | wont-do; found `closed` (action_items[0].status) schema/enum'],
    ],
    [
      'a percentage above 100',
      edit(['  description: 5% of requests failed', '  description: 5% of requests failed\n  requests_failed_pct: 120']),
      ['7:24-7:27 error `impact.requests_failed_pct` must be <= 100; found the number 120 (impact.requests_failed_pct) schema/range'],
    ],
    [
      'a fractional user count',
      edit(['  description: 5% of requests failed', '  description: 5% of requests failed\n  users_affected: 12.5']),
      ['7:19-7:23 error `impact.users_affected` must be a whole number, not the number 12.5 (impact.users_affected) schema/type'],
    ],
    [
      'a lower-case currency',
      edit(['  description: 5% of requests failed', '  description: 5% of requests failed\n  currency: usd']),
      ['7:13-7:16 error `impact.currency` has the wrong form: `usd` (impact.currency) schema/format'],
    ],
    [
      'issue 0',
      edit(['  - action: Add a test', '  - action: Add a test\n    issue: 0']),
      ['16:12-16:13 error `action_items[0].issue` must be >= 1; found the number 0 (action_items[0].issue) schema/range'],
    ],
    [
      'no action items once published',
      edit(['action_items:\n  - action: Add a test', 'action_items: []'], ['lessons:', 'status: published\nauthors: [kim]\nlessons:']),
      ['14:15-14:17 error `action_items` is empty but the post-mortem is `published` (action_items) schema/action-items-empty'],
    ],
    [
      'an empty timeline',
      edit(['timeline:\n  - time: "10:00"\n    event: Errors began\n    type: start', 'timeline: []']),
      ['7:11-7:13 error `timeline` needs at least 1 entry (timeline) schema/min-items'],
    ],
    [
      'an empty list of resolution steps',
      edit(['resolution: Rolled back', 'resolution: []']),
      ['13:13-13:15 error `resolution` needs at least 1 entry (resolution) schema/min-items'],
    ],
    [
      'a resolution that is a mapping',
      edit(['resolution: Rolled back', 'resolution:\n  text: Rolled back']),
      ['14:3-14:20 error `resolution` must be text or a list, not a mapping (resolution) schema/type'],
    ],
    [
      'a lesson that is a number',
      edit(['  - Canaries help', '  - 42']),
      ['17:5-17:7 error `lessons[0]` must be text or a mapping, not the number 42 (lessons[0]) schema/type'],
    ],
    [
      'a misspelt key in a lesson mapping (the branch that fits is reported)',
      edit(['  - Canaries help', '  - title: Canaries help\n    detial: x']),
      ['18:5-18:11 error Unknown field `detial`; did you mean `detail`? (lessons[0].detial) schema/unknown-field'],
    ],
    [
      'a number among resolution steps',
      edit(['resolution: Rolled back', 'resolution: [ok, 42]']),
      ['13:18-13:20 error `resolution[1]` must be text, not the number 42 (resolution[1]) schema/type'],
    ],
    [
      'a lesson mapping without a title',
      edit(['  - Canaries help', '  - detail: Canaries help']),
      ['17:5 error Missing required field `title` (lessons[0].title) schema/required'],
    ],
    [
      'impact written as text',
      edit(['impact:\n  description: 5% of requests failed', 'impact: 5% failed']),
      ['5:9-5:18 error `impact` must be a mapping, not `5% failed` (impact) schema/type'],
    ],
    [
      'authors written as one name',
      edit(['lessons:', 'authors: dana\nlessons:']),
      ['16:10-16:14 error `authors` must be a list, not `dana` (authors) schema/type'],
    ],
    [
      'a near-miss event type is a warning',
      edit(['    type: start', '    type: strat']),
      ['10:11-10:16 warning Event type `strat` is not one of the known types; did you mean `start`? (timeline[0].type) schema/event-type'],
    ],
    [
      'every problem of a file in one run, in file order',
      edit(['title: Checkout errors', 'title: 42'], ['SEV2', 'SEV9'], ['summary:', 'sumary:'], ['"10:00"', '"25:00"']),
      [
        '1:8-1:10 error `title` must be text, not the number 42 (title) schema/type',
        '3:11-3:15 error `SEV9` is not on the severity scale (severity) schema/severity',
        '4:1-4:7 error Unknown field `sumary`; did you mean `summary`? (sumary) schema/unknown-field',
        '8:11-8:18 error `25:00` is not a valid time of day (timeline[0].time) schema/time',
      ],
    ],
  ])('%s', (_name, text, expected) => {
    const checked = check(text);
    expect(checked.diagnostics.map(formatLine)).toEqual(expected);
    expect(checked.incident === null).toBe(expected.some((line) => line.includes(' error ')));
  });
});

describe('diagnostic details', () => {
  it('says what was expected, what was found, and how to fix it', () => {
    const [diagnostic] = check(edit(['title: Checkout errors', 'title: 42'])).diagnostics;
    expect(diagnostic).toMatchObject({
      expected: 'one line naming the incident',
      actual: 'the number 42',
      note: 'YAML read this as a number; quote it to make it text, e.g. "42".',
    });
  });

  it('keeps the expected text of an unknown field short', () => {
    const [typo] = check(edit(['summary:', 'sumary:'])).diagnostics;
    expect(typo).toMatchObject({ expected: 'a known field such as `summary` (19 fields; see docs/format.md)', suggestions: ['summary'] });
    const [other] = check(edit(['lessons:', 'flavour: mint\nlessons:'])).diagnostics;
    expect(other!.expected).toBe('one of 19 known fields (`id`, `title`, `date`, `timezone`, …; see docs/format.md)');
  });

  it('explains that a fixed offset is not a time zone', () => {
    const [zone] = check(edit(['date: 2024-01-15', 'date: 2024-01-15\ntimezone: "+02:00"'])).diagnostics;
    expect(zone).toMatchObject({ ruleId: 'schema/timezone', note: expect.stringContaining('Etc/GMT-2') });
  });

  it('stores the canonical spelling of the time zone in the model', () => {
    expect(check(edit(['date: 2024-01-15', 'date: 2024-01-15\ntimezone: europe/berlin'])).incident?.timezone).toBe('Europe/Berlin');
  });

  it('offers the time zone and enum suggestions as data', () => {
    const [zone] = check(edit(['date: 2024-01-15', 'date: 2024-01-15\ntimezone: America/New_Yrok'])).diagnostics;
    expect(zone!.suggestions).toEqual(['America/New_York']);
  });
});

describe('valid variations', () => {
  it.each([
    ['the minimal incident', MINIMAL],
    ['severity in lower case', edit(['SEV2', 'sev2'])],
    ['an unquoted time (YAML 1.2 reads 10:00 as text)', edit(['"10:00"', '10:00'])],
    ['an unquoted time under a %YAML 1.1 directive', `%YAML 1.1\n---\n${edit(['"10:00"', '10:00'])}`],
    ['a one-digit hour', edit(['"10:00"', '"9:55"'])],
    ['no action items while a draft', edit(['action_items:\n  - action: Add a test', 'action_items: []'])],
    [
      'no action items with an explicit draft status',
      edit(['action_items:\n  - action: Add a test', 'action_items: []'], ['lessons:', 'status: draft\nlessons:']),
    ],
    ['equal times in a row', edit(['    type: start\n', '    type: start\n  - time: "10:00"\n    event: Paged\n'])],
    ['a free event type', edit(['    type: start', '    type: rollback'])],
    ['ISO times with offsets', edit(['"10:00"', '"2024-01-15T11:00:00+01:00"'])],
    [
      'x- keys at every level',
      edit(
        ['title: Checkout errors', 'x-team: payments\ntitle: Checkout errors'],
        ['  description: 5%', '  x-ticket: INC-1\n  description: 5%'],
        ['    type: start', '    type: start\n    x-source: pager'],
        ['  immediate:', '  x-rca: doc\n  immediate:'],
        ['  - action: Add a test', '  - action: Add a test\n    x-jira: ABC-1'],
        ['  - Canaries help', '  - title: Canaries help\n    x-votes: 3'],
      ),
    ],
  ])('%s', (_name, text) => {
    const checked = check(text);
    expect(checked.diagnostics.map(formatLine)).toEqual([]);
    expect(checked.incident).not.toBeNull();
  });

  it('keeps x- keys out of the model', () => {
    const checked = check(edit(['title: Checkout errors', 'x-team: payments\ntitle: Checkout errors']));
    expect(checked.input).toHaveProperty('x-team', 'payments');
    expect(JSON.stringify(checked.incident)).not.toContain('payments');
  });

  it('upper-cases the severity in the model', () => {
    expect(check(edit(['SEV2', 'sev2'])).incident?.severity).toBe('SEV2');
  });
});

describe('hostile or huge input', () => {
  it('keeps user text on one line and short in messages', () => {
    const text = edit(['SEV2', `"SEV\\n9 ${'x'.repeat(200)}"`], ['summary:', '"bad\\nkey": 1\nsummary:']);
    const lines = check(text).diagnostics.map(formatLine);
    expect(lines).toEqual([
      '3:11-3:220 error `SEV\\n9 xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…` is not on the severity scale (severity) schema/severity',
      '4:1-4:11 error Unknown field `bad\\nkey` (["bad\\nkey"]) schema/unknown-field',
    ]);
  });

  it('caps the diagnostics of one file and says how many were left out', () => {
    const entries = Array.from({ length: 600 }, (_, i) => `  - time: "bad ${i}"\n    event: E\n`).join('');
    const text = edit(['timeline:\n  - time: "10:00"\n    event: Errors began\n    type: start\n', `timeline:\n${entries}`]);
    const diagnostics = check(text).diagnostics;
    expect(diagnostics).toHaveLength(501);
    expect(formatLine(diagnostics[500]!)).toBe('- info 100 more problems in this file not shown (the first 500 are listed) schema/too-many-problems');
  });

  it('does not search suggestions for a very long unknown key', () => {
    const key = 'k'.repeat(5_000);
    const [diagnostic] = check(edit(['summary:', `${key}: 1\nsummary:`])).diagnostics;
    expect(diagnostic!.suggestions).toEqual([]);
    expect(diagnostic!.message.length).toBeLessThan(100);
  });
});
