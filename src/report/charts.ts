/**
 * Mermaid charts of the tracker, which GitHub renders inline: bars of
 * incidents per quarter, a line of median time to resolve, a pie of
 * severities. Every chart has a table beside it with the same numbers (in the
 * templates). Labels are reduced to letters, digits and a few safe marks, so
 * no user text (a severity name from the config) can end a quoted label,
 * open HTML or start a new Mermaid statement.
 *
 * @example
 * barChart('Incidents per quarter', 'Incidents', [['2024-Q1', 2], ['2024-Q2', 0]])
 * // → 'xychart-beta\n    title "Incidents per quarter"\n    x-axis ["2024-Q1", "2024-Q2"]\n …'
 */

/** Text safe inside a quoted Mermaid label. */
export function mermaidLabel(text: string): string {
  const safe = text
    .replace(/[^\p{L}\p{N} ._:/+()-]/gu, '_')
    .replace(/\s+/g, ' ')
    .trim();
  return safe.length > 60 ? `${safe.slice(0, 59)}…` : safe || '_';
}

type Point = readonly [label: string, value: number];

function axisTop(values: readonly number[]): number {
  const top = Math.max(1, ...values);
  return Math.ceil(top * 1.1);
}

function xyChart(kind: 'bar' | 'line', title: string, yLabel: string, points: readonly Point[]): string | null {
  if (points.length === 0) return null;
  const values = points.map(([, value]) => value);
  return [
    'xychart-beta',
    `    title "${mermaidLabel(title)}"`,
    `    x-axis [${points.map(([label]) => `"${mermaidLabel(label)}"`).join(', ')}]`,
    `    y-axis "${mermaidLabel(yLabel)}" 0 --> ${axisTop(values)}`,
    `    ${kind} [${values.map((value) => String(Math.round(value * 10) / 10)).join(', ')}]`,
  ].join('\n');
}

/** A bar chart, or null when there is nothing to draw. */
export function barChart(title: string, yLabel: string, points: readonly Point[]): string | null {
  return xyChart('bar', title, yLabel, points);
}

/** A line chart, or null when no point is known. */
export function lineChart(title: string, yLabel: string, points: readonly Point[]): string | null {
  return points.length === 0 ? null : xyChart('line', title, yLabel, points);
}

/** A pie of the non-zero slices, or null when all are zero. */
export function pieChart(title: string, slices: readonly Point[]): string | null {
  const shown = slices.filter(([, value]) => value > 0);
  if (shown.length === 0) return null;
  return [`pie title ${mermaidLabel(title)}`, ...shown.map(([label, value]) => `    "${mermaidLabel(label)}" : ${value}`)].join('\n');
}
