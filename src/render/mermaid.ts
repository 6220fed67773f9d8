/**
 * A Mermaid Gantt chart of the incident's phases (impact → detection →
 * acknowledgement → mitigation → resolution), which GitHub renders inline.
 * Only our own phase names appear in it, so no user text needs escaping.
 */
import type { Incident } from '../model.js';
import { localWallClock } from '../time.js';

const PHASES: ReadonlyArray<readonly [from: string, to: string, label: string]> = [
  ['start', 'detect', 'Until detected'],
  ['detect', 'ack', 'Until acknowledged'],
  ['ack', 'mitigate', 'Until mitigated'],
  ['mitigate', 'resolve', 'Until resolved'],
];

export function buildPhaseDiagram(incident: Incident): string | null {
  const first = (type: string) => incident.timeline.find((entry) => entry.type === type)?.instant ?? null;
  const marks = new Map(['start', 'detect', 'ack', 'mitigate', 'resolve'].map((type) => [type, first(type)]));
  if (!marks.get('start')) return null;
  const wall = (instant: Date) => {
    const local = localWallClock(instant, incident.timezone);
    return `${local.date}T${local.time}:${local.seconds}`;
  };
  const rows: string[] = [];
  let previous: Date | null = marks.get('start') ?? null;
  for (const [, to, label] of PHASES) {
    const end = marks.get(to) ?? null;
    if (!previous || !end || end.getTime() < previous.getTime()) continue;
    rows.push(`    ${label} :${wall(previous)}, ${wall(end)}`);
    previous = end;
  }
  if (rows.length === 0) return null;
  return [
    'gantt',
    `    title Incident phases (${incident.timezone})`,
    '    dateFormat YYYY-MM-DDTHH:mm:ss',
    '    axisFormat %H:%M',
    '    section Response',
    ...rows,
  ].join('\n');
}
