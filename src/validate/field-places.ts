/**
 * Where each field name of a format belongs: `five_whys` → `root_cause.five_whys`,
 * `type` → `timeline[].type` and `action_items[].type`. An unknown field that
 * is a known one at another level (written at the top instead of under its
 * parent, or indented one level too deep) is a misplaced field, and its hint
 * says where it goes. The table is read from the published JSON Schema when
 * `npm run schemas` compiles the validators, and shipped beside them
 * (standalone-validators.ts), so no run loads a schema to know it.
 *
 * @example
 * fieldPlaces(incidentJsonSchema()).five_whys // → ['root_cause.five_whys']
 * placesElsewhere(incidentFieldPlaces, 'five_whys', []) // → [{ path: 'root_cause.five_whys', parent: 'root_cause' }]
 */

/** Field name → every path it has in the format, `[]` standing for any list entry. */
export type FieldPlaces = Readonly<Record<string, readonly string[]>>;

type SchemaNode = { properties?: Record<string, unknown>; items?: unknown; anyOf?: unknown[]; oneOf?: unknown[]; allOf?: unknown[] };

const isNode = (value: unknown): value is SchemaNode => value !== null && typeof value === 'object' && !Array.isArray(value);

/** Every named property of a JSON Schema, by name, in schema order; names sorted so the generated table is stable. */
export function fieldPlaces(schema: unknown): FieldPlaces {
  const places = new Map<string, Set<string>>();
  const walk = (node: unknown, path: string): void => {
    if (!isNode(node)) return;
    for (const [name, child] of Object.entries(node.properties ?? {})) {
      const full = path === '' ? name : `${path}.${name}`;
      places.set(name, (places.get(name) ?? new Set()).add(full));
      walk(child, full);
    }
    walk(node.items, `${path}[]`);
    for (const branch of [...(node.anyOf ?? []), ...(node.oneOf ?? []), ...(node.allOf ?? [])]) walk(branch, path);
  };
  walk(schema, '');
  return Object.fromEntries([...places.keys()].sort().map((name) => [name, [...places.get(name)!]]));
}

export interface Place {
  /** `root_cause.five_whys`. */
  path: string;
  /** `root_cause`; `timeline[]` for a field of each timeline entry; '' for the top level. */
  parent: string;
}

/**
 * The places of `name` other than the mapping it was found in (`base`, its field path in the data).
 *
 * @example
 * placesElsewhere(places, 'summary', ['impact']) // → [{ path: 'summary', parent: '' }]
 */
export function placesElsewhere(places: FieldPlaces, name: string, base: ReadonlyArray<string | number>): Place[] {
  if (!Object.hasOwn(places, name)) return [];
  const here = base.reduce<string>((out, segment) => (typeof segment === 'number' ? `${out}[]` : out === '' ? segment : `${out}.${segment}`), '');
  return places[name]!.map((path) => ({ path, parent: path === name ? '' : path.slice(0, -name.length - 1) })).filter((place) => place.parent !== here);
}

/**
 * Where a misplaced field goes, in words: `under \`root_cause\``, `in a \`timeline\` entry`, `at the top level`.
 *
 * @example
 * describePlace({ path: 'timeline[].type', parent: 'timeline[]' }) // → 'in a `timeline` entry'
 */
export function describePlace(place: Place): string {
  if (place.parent === '') return 'at the top level';
  if (place.parent.endsWith('[]')) return `in ${/^[aeiou]/.test(place.parent) ? 'an' : 'a'} \`${place.parent.slice(0, -2)}\` entry`;
  return `under \`${place.parent}\``;
}

/**
 * The hint for an unknown field that is a known one at another level, or null when it is known nowhere else.
 *
 * @example
 * misplacedFieldNote(incidentFieldPlaces, 'five_whys', [], null)
 * // → '`five_whys` belongs under `root_cause` (`root_cause.five_whys`): move it there.'
 */
export function misplacedFieldNote(places: FieldPlaces, name: string, base: ReadonlyArray<string | number>, guess: string | null): string | null {
  const elsewhere = placesElsewhere(places, name, base);
  if (elsewhere.length === 0) return null;
  const paths = elsewhere.map((place) => `\`${place.path}\``).join(', ');
  const rename = guess ? ` If you meant \`${guess}\`, rename it.` : '';
  return `\`${name}\` belongs ${elsewhere.map(describePlace).join(' or ')} (${paths}): move it there.${rename}`;
}
