/**
 * Writes planned entries into the incident's YAML text at their places in
 * `timeline`, by splicing new lines between the existing items: comments,
 * quoting, key order and blank lines stay exactly as written, and a diff
 * shows only the added entries. The result is parsed again and compared with
 * the intended data before the caller may write it.
 *
 * @example
 * const text = mergeIntoTimeline(source, plan.entries); // throws when the file cannot be edited safely
 */
import { isMap, isSeq, type YAMLSeq } from 'yaml';
import type { YamlSource } from '../load/source.js';
import { applySplices, lineEnding, lineStart, verifySplicedText, type Splice } from '../load/splice.js';
import type { LogTimelineEntry, PlannedEntry } from './select-entries.js';

/** A splice, with its place in the plan: insertions at one offset keep plan order. */
interface Insertion extends Splice {
  order: number;
}

export function mergeIntoTimeline(source: YamlSource, planned: readonly PlannedEntry[]): string {
  if (planned.length === 0) return source.text;
  const eol = lineEnding(source.text);
  const timeline = source.document.get('timeline', true);
  if (!isSeq(timeline)) throw new Error('`timeline` is not a list');
  // A flow list (`[…]`) has no lines to splice between; a valid incident's is never empty.
  if (timeline.flow) throw new Error('the timeline is written as a flow list `[…]`; write it as a block list to merge into it');
  const insertions = blockInsertions(source.text, timeline, planned, eol);
  // Splices at one offset are joined in plan order: applySplices needs them not to overlap.
  const joined = new Map<number, Insertion>();
  for (const insertion of insertions.sort((a, b) => a.order - b.order)) {
    const seen = joined.get(insertion.at);
    if (seen) seen.text += insertion.text;
    else joined.set(insertion.at, { ...insertion });
  }
  const text = applySplices(source.text, [...joined.values()]);
  verify(source, text, planned);
  return text;
}

function blockInsertions(text: string, timeline: YAMLSeq, planned: readonly PlannedEntry[], eol: string): Insertion[] {
  const items = timeline.items;
  const first = items[0] as { range?: [number, number, number] } | undefined;
  if (!first?.range) throw new Error('the timeline has no entries to place new ones beside');
  const firstStart = first.range[0];
  const prefix = text.slice(lineStart(text, firstStart), firstStart);
  const dash = prefix.indexOf('-');
  if (dash === -1) throw new Error('cannot find the `-` of the first timeline entry');
  const indent = ' '.repeat(dash);
  const contentIndent = ' '.repeat(prefix.length - dash - 1 > 0 ? prefix.length - dash - 1 : 1);
  let needsLineBreak = !text.endsWith('\n');
  return planned.map((plan, order) => {
    const entryText = renderEntry(plan.entry, indent, contentIndent, eol);
    if (plan.before !== null) {
      const node = items[plan.before] as { range?: [number, number, number] } | undefined;
      if (!node?.range || !isMap(node)) throw new Error(`timeline[${plan.before}] is not a mapping`);
      const at = aboveComments(text, lineStart(text, node.range[0]));
      return { at, end: at, text: entryText, order };
    }
    const at = afterLastItem(text, timeline);
    const lead = at === text.length && needsLineBreak ? eol : '';
    if (lead) needsLineBreak = false;
    return { at, end: at, text: lead + entryText, order };
  });
}

/** New entries go above the comment lines that introduce an entry, so the comment stays with it. */
function aboveComments(text: string, start: number): number {
  let at = start;
  while (at > 0) {
    const previous = lineStart(text, at - 1);
    if (!/^[ \t]*#/.test(text.slice(previous, at))) break;
    at = previous;
  }
  return at;
}

function afterLastItem(text: string, timeline: YAMLSeq): number {
  const last = timeline.items[timeline.items.length - 1] as { range?: [number, number, number] } | undefined;
  const end = last?.range?.[1];
  if (end === undefined) throw new Error('cannot find the end of the timeline');
  if (text[end - 1] === '\n') return end;
  const lineEnd = text.indexOf('\n', end);
  if (lineEnd === -1) return text.length;
  return lineEnd + 1;
}

function renderEntry(entry: LogTimelineEntry, indent: string, contentIndent: string, eol: string): string {
  const fields: Array<[string, string]> = [
    ['time', JSON.stringify(entry.time)],
    ['event', scalar(entry.event)],
    ['service', scalar(entry.service)],
    ...(entry.level ? ([['level', entry.level]] as Array<[string, string]>) : []),
    ['source', scalar(entry.source)],
  ];
  return fields.map(([key, value], index) => `${index === 0 ? `${indent}-${contentIndent}` : `${indent} ${contentIndent}`}${key}: ${value}${eol}`).join('');
}

/** Plain when it certainly reads back as the same string, else double-quoted (JSON strings are valid YAML). */
function scalar(value: string): string {
  const plain =
    /^[A-Za-z0-9(/_][^\n]*$/.test(value) &&
    !/(: |:$| #|[\u0000-\u001f\u007f\u2028\u2029"])/.test(value) &&
    value === value.trim() &&
    !/^(true|false|null|yes|no|on|off|y|n|~|[-+]?(\d[\d_]*)?\.?\d+([eE][-+]?\d+)?|0x[0-9a-f]+|0o[0-7]+|\.inf|\.nan)$/i.test(value);
  return plain ? value : JSON.stringify(value);
}

function verify(source: YamlSource, text: string, planned: readonly PlannedEntry[]): void {
  const data = source.document.toJS() as { timeline: unknown[] };
  const expected = [...data.timeline];
  for (const plan of planned) if (plan.before === null) expected.push({ ...plan.entry });
  // Inserting from the back keeps the earlier indices valid.
  const placed = planned.map((plan, order) => ({ plan, order })).filter(({ plan }) => plan.before !== null);
  for (const { plan } of placed.sort((a, b) => b.plan.before! - a.plan.before! || b.order - a.order)) expected.splice(plan.before!, 0, { ...plan.entry });
  verifySplicedText(source.file, text, { ...data, timeline: expected });
}
