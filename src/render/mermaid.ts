/**
 * A Mermaid Gantt chart of the incident's phases (impact → detection →
 * acknowledgement → mitigation → resolution), which GitHub renders inline.
 * Only our own phase names appear in it, so no user text needs escaping.
 */
import type { Incident } from '../incident/model.js';
import { firstOfEachType, ORIGIN_EVENT, PHASES } from '../incident/events.js';
import { localWallClock } from '../incident/time.js';

export function buildPhaseDiagram(incident: Incident): string | null {
  const marks = firstOfEachType(incident.timeline);
  if (!marks.get(ORIGIN_EVENT)) return null;
  const spans: Array<[label: string, from: Date, to: Date]> = [];
  let previous: Date | null = marks.get(ORIGIN_EVENT) ?? null;
  for (const { until, chartLabel: label } of PHASES) {
    const end = marks.get(until) ?? null;
    if (!previous || !end || end.getTime() < previous.getTime()) continue;
    spans.push([label, previous, end]);
    previous = end;
  }
  if (spans.length === 0) return null;
  // Mermaid reads wall-clock times; across a DST change they can run backwards, so use UTC then.
  const localWall = (instant: Date) => wallText(instant, incident.timezone);
  const monotonic = spans.every(([, from, to]) => localWall(from) <= localWall(to));
  const zone = monotonic ? incident.timezone : 'UTC';
  const rows = spans.map(([label, from, to]) => `    ${label} :${wallText(from, zone)}, ${wallText(to, zone)}`);
  return [
    'gantt',
    `    title Incident phases (${zone})`,
    '    dateFormat YYYY-MM-DDTHH:mm:ss',
    '    axisFormat %H:%M',
    '    section Response',
    ...rows,
  ].join('\n');
}

function wallText(instant: Date, zone: string): string {
  const local = localWallClock(instant, zone);
  return `${local.date}T${local.time}:${local.seconds}`;
}
