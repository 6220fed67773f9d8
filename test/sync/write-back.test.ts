import { describe, expect, it } from 'vitest';
import { parseYamlSource } from '../../src/load/parse.js';
import { spliceItemFields, type ItemEdit } from '../../src/sync/write-back.js';

function splice(text: string, edits: ItemEdit[]): string {
  const { source } = parseYamlSource('a.yaml', text);
  return spliceItemFields(source!, edits);
}

const folded = [
  '# comment at the top',
  'action_items:',
  '  - action: >',
  '      A folded action that a re-serialiser',
  '      would reflow onto one line',
  '',
  '    owner: alice   # trailing comment',
  '  - id: second',
  '    action: "Quoted"',
  '    status: open # from the issue',
  'lessons: []',
  '',
].join('\n');

describe('YAML write-back splices the source', () => {
  it.each<[string, ItemEdit[], string]>([
    [
      'adds `id` first and `issue` last, leaving comments and folded text alone',
      [{ actionId: null, index: 0, fields: { id: 'a-folded-action', issue: 12 } }],
      folded
        .replace('  - action: >', '  - id: a-folded-action\n    action: >')
        .replace('    owner: alice   # trailing comment', '    owner: alice   # trailing comment\n    issue: 12'),
    ],
    [
      'replaces a status in place, keeping its comment',
      [{ actionId: 'second', index: 1, fields: { status: 'done', issue: 3 } }],
      folded.replace('    status: open # from the issue', '    status: done # from the issue\n    issue: 3'),
    ],
    [
      'quotes an id that would read as a number',
      [{ actionId: null, index: 0, fields: { id: '2024' } }],
      folded.replace('  - action: >', "  - id: '2024'\n    action: >"),
    ],
  ])('%s', (_name, edits, expected) => {
    expect(splice(folded, edits)).toBe(expected);
  });

  it('keeps CRLF line endings', () => {
    const text = 'action_items:\r\n  - action: x\r\n    owner: y\r\nlessons: []\r\n';
    expect(splice(text, [{ actionId: null, index: 0, fields: { issue: 5 } }])).toBe(
      'action_items:\r\n  - action: x\r\n    owner: y\r\n    issue: 5\r\nlessons: []\r\n',
    );
  });

  it('edits flow mappings', () => {
    const text = 'action_items:\n  - {action: x, owner: y}\n';
    expect(splice(text, [{ actionId: null, index: 0, fields: { id: 'x', issue: 5 } }])).toBe('action_items:\n  - {id: x, action: x, owner: y, issue: 5}\n');
  });

  it('appends to an item whose last value is a block scalar at the end of the file', () => {
    const text = 'action_items:\n  - owner: y\n    action: |\n      literal\n';
    expect(splice(text, [{ actionId: null, index: 0, fields: { issue: 5 } }])).toBe(
      'action_items:\n  - owner: y\n    action: |\n      literal\n    issue: 5\n',
    );
  });

  it('finds the item by id even when it moved', () => {
    const out = splice(folded, [{ actionId: 'second', index: 0, fields: { issue: 9 } }]);
    expect(out).toContain('    status: open # from the issue\n    issue: 9');
  });
});
