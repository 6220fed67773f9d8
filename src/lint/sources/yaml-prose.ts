/**
 * Finds the prose fields of an incident file in its parsed YAML document,
 * without requiring the file to be a valid incident, and gives each one an
 * offset map so that a phrase found in the value is reported at its own line
 * and column in the file, across folded `>`, literal `|`, quoted and
 * multi-line plain scalars. Also collects the names the file lists
 * (authors, participants, action owners), which the rules treat as people.
 *
 * @example
 * const fields = extractYamlProse(source);
 * fields[0] // { path: ['summary'], value: 'A code change…', map, line: 3 }
 */
import { isMap, isScalar, isSeq, type Node, type Scalar } from 'yaml';
import type { FieldPath } from '../../diagnostics/diagnostic.js';
import type { YamlSource } from '../../load/parse.js';
import { alignValue, type OffsetMap } from './align.js';

export interface ProseField {
  path: FieldPath;
  value: string;
  map: OffsetMap;
  /** 1-based line where the field's value starts (for next-line suppressions). */
  line: number;
}

/** Which keys hold prose: `true` a string, `'**'` every string below, `'*'` each item of a list. */
type Spec = true | '**' | { [key: string]: Spec };

const PROSE: Spec = {
  summary: true,
  impact: { description: true },
  timeline: { '*': { event: true } },
  root_cause: '**',
  resolution: '**',
  action_items: { '*': { action: true } },
  lessons: '**',
  investigation: { '*': { evidence: true } },
};

/** The prose fields of one parsed incident file, in document order. */
export function extractYamlProse(source: YamlSource): ProseField[] {
  const fields: ProseField[] = [];
  const contents = source.document.contents as Node | null;
  if (contents) collect(source, contents, PROSE, [], fields);
  return fields;
}

function collect(source: YamlSource, node: Node, spec: Spec, path: Array<string | number>, out: ProseField[]): void {
  if (isScalar(node)) {
    if ((spec === true || spec === '**') && typeof node.value === 'string') out.push(proseField(source, node, path));
    return;
  }
  if (isSeq(node)) {
    node.items.forEach((item, index) => {
      const child = spec === '**' ? spec : typeof spec === 'object' ? spec['*'] : undefined;
      if (child && item && typeof item === 'object' && 'range' in item) collect(source, item as Node, child, [...path, index], out);
    });
    return;
  }
  if (isMap(node)) {
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : null;
      if (key === null || !pair.value || typeof pair.value !== 'object' || !('range' in pair.value)) continue;
      const child = spec === '**' ? spec : typeof spec === 'object' ? spec[key] : undefined;
      if (child) collect(source, pair.value as Node, child, [...path, key], out);
    }
  }
}

function proseField(source: YamlSource, node: Scalar, path: FieldPath): ProseField {
  const [start, valueEnd] = node.range ?? [0, 0];
  const value = String(node.value);
  const block = node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED';
  // A block scalar's value begins on the line after its `|` or `>` header.
  const contentStart = block ? source.text.indexOf('\n', start) + 1 || start : start;
  // Aligning is only needed for the few fields with a finding, so it waits until asked.
  let map: OffsetMap | null = null;
  const lazy: OffsetMap = { offsetOf: (index) => (map ??= alignValue(value, source.text, contentStart, valueEnd)).offsetOf(index) };
  return { path, value, map: lazy, line: source.lineCounter.linePos(start).line };
}

/** Names listed in `authors`, `participants` and action items' `owner`, read from the document. */
export function namesInYaml(source: YamlSource): string[] {
  const names: string[] = [];
  const contents = source.document.contents as Node | null;
  if (!isMap(contents)) return names;
  const add = (node: unknown) => {
    if (isScalar(node) && typeof node.value === 'string') names.push(node.value);
    else if (isSeq(node)) for (const item of node.items) add(item);
  };
  for (const pair of contents.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    if (key === 'authors' || key === 'participants') add(pair.value);
    if (key === 'action_items' && isSeq(pair.value)) {
      for (const item of pair.value.items) if (isMap(item)) add(item.get('owner', true));
    }
  }
  return names;
}
