/** The rules as a unified plugin, in a plain retext pipeline. */
import retextEnglish from 'retext-english';
import { unified } from 'unified';
import { expect, it } from 'vitest';
import retextPostmortem from '../../src/lint/retext-plugin.js';

async function messages(text: string, options: Parameters<typeof retextPostmortem>[0] = {}) {
  const processor = unified().use(retextEnglish).use(retextPostmortem, options);
  const tree = processor.parse(text);
  const file = new (await import('vfile')).VFile({ value: text, path: 'notes.txt' });
  await processor.run(tree, file);
  return file.messages.map((m) => ({
    ruleId: m.ruleId,
    source: m.source,
    line: m.line,
    column: m.column,
    end: m.place && 'end' in m.place ? m.place.end : null,
    actual: m.actual,
    fatal: m.fatal,
  }));
}

it('reports findings as vfile messages with positions', async () => {
  const text = 'The probe failed to connect.\nThen Kim took down the payment API.\n';
  expect(await messages(text, { people: ['kim'] })).toEqual([
    {
      ruleId: 'blame/person-as-cause',
      source: 'postmortem',
      line: 2,
      column: 6,
      end: { line: 2, column: 19, offset: 47 },
      actual: 'Kim took down',
      fatal: false,
    },
  ]);
});

it('applies configured levels and allowed phrases', async () => {
  const text = 'Obviously the change was careless.\n';
  const settings = { rules: { 'blame/judgement': 'off' as const }, phrases: [], allow: [] };
  expect((await messages(text, { settings })).map((m) => [m.ruleId, m.fatal])).toEqual([['blame/hindsight', false]]);
  expect(await messages(text, { settings: { rules: {}, phrases: [], allow: ['obviously', 'careless'] } })).toEqual([]);
});
