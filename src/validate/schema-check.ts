/**
 * Runs a JSON Schema (ajv, all errors) over parsed YAML and turns each ajv
 * error into a diagnostic that points at the YAML node, says what was expected
 * and what was found, and offers a "did you mean" where a name is close.
 * Used for incident files and for the configuration file alike, with the
 * validators `npm run schemas` compiled ahead of time (standalone-validators.ts).
 */
import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import { createDiagnostic, formatFieldPath, type Diagnostic } from '../diagnostics/diagnostic.js';
import { locatePath, type YamlSource } from '../load/parse.js';
import type { FieldPlaces } from './field-places.js';
import { describeSchemaError, valueAt, type ParentSchema, type Segment } from './keyword-messages.js';

export { closest } from '../diagnostics/suggest.js';
export { describeValue } from './describe.js';

/** What a caller knows and the compiled validator does not. */
export interface SchemaCheckOptions {
  /** A better hint (and suggested values) for the value at a path, or null to keep the generic one (the configured severity scale). */
  advise?: (path: readonly Segment[], value: unknown) => { note: string; suggestions: string[] } | null;
  /** Where each field name of the format belongs, so an unknown field that is known elsewhere is told where it goes. */
  fieldPlaces?: FieldPlaces;
}

/**
 * Runs a compiled schema over parsed data; one diagnostic per problem,
 * positioned on the YAML node when `source` is known.
 *
 * @example
 * checkSchema(validate, { title: 42 }, 'a.yaml', source) // → [schema/type at `title`, schema/required …]
 */
export function checkSchema(
  validate: ValidateFunction,
  data: unknown,
  file: string,
  source: YamlSource | null,
  options: SchemaCheckOptions = {},
): Diagnostic[] {
  if (validate(data)) return [];
  const errors = dropBranchNoise(validate.errors ?? []);
  const seen = new Set<string>();
  const diagnostics: Diagnostic[] = [];
  for (const error of errors) {
    const diagnostic = describeError(error, data, file, source, options);
    if (!diagnostic) continue;
    const key = `${diagnostic.path}|${diagnostic.ruleId}|${diagnostic.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    diagnostics.push(diagnostic);
  }
  return diagnostics;
}

/**
 * An `anyOf` failure reports once, not once per branch it tried. When the
 * value's type fits exactly one branch (a mapping where the union allows
 * text or a mapping), that branch's own errors are more useful, so they are
 * kept instead of the generic "wrong shape".
 */
function dropBranchNoise(errors: ErrorObject[]): ErrorObject[] {
  let kept = errors;
  for (const union of errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf')) {
    const prefix = `${union.schemaPath}/`;
    const branch = matchingBranch(union);
    kept = kept.filter((e) => {
      if (e === union) return branch === null;
      // List items share one schema path: only this value's own branch errors are noise.
      const inside = e.instancePath === union.instancePath || e.instancePath.startsWith(`${union.instancePath}/`);
      if (!e.schemaPath.startsWith(prefix) || !inside) return true;
      return branch !== null && e.schemaPath.startsWith(`${prefix}${branch}/`);
    });
  }
  return kept;
}

function matchingBranch(union: ErrorObject): number | null {
  const branches = Array.isArray(union.schema) ? (union.schema as Array<{ type?: unknown }>) : [];
  const type = jsonType(union.data);
  const fits = branches.flatMap((b, i) => (b.type === type || (b.type === 'number' && type === 'integer') ? [i] : []));
  return fits.length === 1 ? fits[0]! : null;
}

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function describeError(error: ErrorObject, data: unknown, file: string, source: YamlSource | null, options: SchemaCheckOptions): Diagnostic | null {
  const base = instancePathSegments(error.instancePath, data);
  const value = valueAt(data, base);
  const described = describeSchemaError({
    error,
    data,
    base,
    value,
    parent: error.parentSchema as ParentSchema | undefined,
    fieldPlaces: options.fieldPlaces ?? {},
    where: (path, key = false) => ({ path: formatFieldPath(path) || null, span: locatePath(source, path, { key }) }),
  });
  if (!described) return null;
  const advice = options.advise?.(base, value) ?? null;
  return createDiagnostic({ file, ...described, ...(advice ? { note: advice.note, suggestions: advice.suggestions } : {}) });
}

function instancePathSegments(pointer: string, data: unknown): Segment[] {
  if (pointer === '') return [];
  const segments: Segment[] = [];
  let current: unknown = data;
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const segment: Segment = Array.isArray(current) ? Number(key) : key;
    segments.push(segment);
    current = current !== null && typeof current === 'object' ? (current as Record<string, unknown>)[key] : undefined;
  }
  return segments;
}
