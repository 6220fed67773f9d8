/**
 * "Related incidents" for each incident's report: others that share a
 * service, a tag or a recurring contributing factor, computed at build time
 * from the whole folder (no server). A shared factor weighs most, then a
 * service, then a tag; ties go to the newer incident. A service, tag or
 * factor shared by more than `TOO_COMMON` incidents tells a reader nothing
 * and is not used, which also keeps the cost linear in the folder size.
 *
 * @example
 * findRelatedIncidents(incidents).get('checkout-errors')
 * // → [{ id: 'cart-timeouts', title: '…', date: '2024-03-09', file: '…', shared: ['service `checkout`'] }]
 */
import type { Incident } from '../incident/model.js';
import { groupFactors } from './factors.js';

export interface RelatedIncident {
  id: string;
  title: string;
  date: string;
  file: string;
  /** What links the two, as short phrases: `service checkout`, `tag deploy`, `factor …`. */
  shared: Array<{ kind: 'factor' | 'service' | 'tag'; name: string }>;
}

/** At most this many related incidents are listed per incident. */
export const MAX_RELATED = 5;
/** Features shared by more incidents than this are too common to relate them. */
export const TOO_COMMON = 200;

const WEIGHT = { factor: 3, service: 2, tag: 1 } as const;

type RelatedSource = Pick<Incident, 'id' | 'title' | 'date' | 'file' | 'services' | 'tags'> & { rootCause: Pick<Incident['rootCause'], 'contributingFactors'> };

/** Related incidents by incident id; an incident with none has an empty list. */
export function findRelatedIncidents(incidents: readonly RelatedSource[]): Map<string, RelatedIncident[]> {
  const features = new Map<string, { kind: keyof typeof WEIGHT; name: string; members: number[] }>();
  const add = (kind: keyof typeof WEIGHT, name: string, member: number) => {
    const key = `${kind}\u0000${name}`;
    let feature = features.get(key);
    if (!feature) features.set(key, (feature = { kind, name, members: [] }));
    if (feature.members.at(-1) !== member) feature.members.push(member);
  };
  const indexOf = new Map(incidents.map((incident, index) => [incident.id, index]));
  incidents.forEach((incident, index) => {
    for (const service of incident.services) add('service', service, index);
    for (const tag of incident.tags) add('tag', tag, index);
  });
  const factorEntries = incidents.map((incident) => ({ incident: incident.id, factors: incident.rootCause.contributingFactors }));
  for (const group of groupFactors(factorEntries)) {
    for (const id of group.incidents) add('factor', group.factor, indexOf.get(id)!);
  }
  const perIncident = incidents.map(() => [] as Array<{ kind: keyof typeof WEIGHT; name: string; members: number[] }>);
  for (const feature of features.values()) {
    if (feature.members.length < 2 || feature.members.length > TOO_COMMON) continue;
    for (const member of feature.members) perIncident[member]!.push(feature);
  }
  const related = new Map<string, RelatedIncident[]>();
  incidents.forEach((incident, index) => {
    const scores = new Map<number, { score: number; shared: RelatedIncident['shared'] }>();
    for (const feature of perIncident[index]!) {
      for (const other of feature.members) {
        if (other === index || incidents[other]!.id === incident.id) continue;
        let entry = scores.get(other);
        if (!entry) scores.set(other, (entry = { score: 0, shared: [] }));
        entry.score += WEIGHT[feature.kind];
        entry.shared.push({ kind: feature.kind, name: feature.name });
      }
    }
    const ranked = [...scores.entries()]
      .sort(([a, x], [b, y]) => y.score - x.score || compareNewestFirst(incidents[a]!, incidents[b]!))
      .slice(0, MAX_RELATED)
      .map(([other, entry]) => {
        const { id, title, date, file } = incidents[other]!;
        const shared = entry.shared.sort((x, y) => WEIGHT[y.kind] - WEIGHT[x.kind] || (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
        return { id, title, date, file, shared };
      });
    related.set(incident.id, ranked);
  });
  return related;
}

function compareNewestFirst(a: { date: string; id: string }, b: { date: string; id: string }): number {
  if (a.date !== b.date) return a.date < b.date ? 1 : -1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
