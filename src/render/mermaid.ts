/**
 * A Mermaid Gantt chart of the incident's phases (impact → detection →
 * acknowledgement → mitigation → resolution), which GitHub renders inline.
 * Only our own phase names appear in it, so no user text needs escaping.
 * Its times are the incident's local times, as in the timeline table.
 */
import type { Incident } from '../incident/model.js';
import { firstOfEachType, ORIGIN_EVENT, PHASES } from '../incident/events.js';
import { tzOffset } from '@date-fns/tz';
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
  const zone = incident.timezone;
  const rows = spans.map(([label, from, to]) => `    ${label} :${wallText(from, zone)}, ${spanEnd(from, to, zone)}`);
  return ['gantt', `    title Incident phases (${zone})`, '    dateFormat YYYY-MM-DDTHH:mm:ss', '    axisFormat %H:%M', '    section Response', ...rows].join(
    '\n',
  );
}

/**
 * Mermaid reads wall-clock times, which a clock change bends: from 02:30 CEST
 * to 02:40 CET is 70 minutes, not 10, and can even run backwards. A phase
 * that spans a change keeps its local start and ends after its real length
 * (`70m`), so the chart stays in the incident's time and every bar is true.
 */
function spanEnd(from: Date, to: Date, zone: string): string {
  if (tzOffset(zone, from) === tzOffset(zone, to)) return wallText(to, zone);
  const seconds = Math.round((to.getTime() - from.getTime()) / 1000);
  return seconds % 60 === 0 ? `${seconds / 60}m` : `${seconds}s`;
}

function wallText(instant: Date, zone: string): string {
  const local = localWallClock(instant, zone);
  return `${local.date}T${local.time}:${local.seconds}`;
}
