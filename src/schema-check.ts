/**
 * Runs a JSON Schema (ajv, all errors) over parsed YAML and turns each ajv
 * error into a diagnostic that points at the YAML node, says what was expected
 * and what was found, and offers a "did you mean" where a name is close.
 * Used for incident files and for the configuration file alike.
 */
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import { createDiagnostic, formatFieldPath, type Diagnostic } from './diagnostic.js';
import { locatePath, type YamlSource } from './load.js';
import { article, describeValue, knownFieldsText, quoteText, typeHint } from './schema-describe.js';
import { closest } from './suggest.js';

export { closest } from './suggest.js';
export { describeValue } from './schema-describe.js';

type Segment = string | number;

/**
 * Compiles a JSON Schema once, collecting all errors (not just the first)
 * so one run reports every problem of a file.
 *
 * @example
 * const validate = compileSchema(incidentJsonSchema());
 */
export function compileSchema(schema: object): ValidateFunction {
  const ajv = new Ajv2020({ allErrors: true, verbose: true, strict: false, allowUnionTypes: true });
  return ajv.compile(schema);
}

/**
 * Runs a compiled schema over parsed data; one diagnostic per problem,
 * positioned on the YAML node when `source` is known.
 *
 * @example
 * checkSchema(validate, { title: 42 }, 'a.yaml', source) // → [schema/type at `title`, schema/required …]
 */
export function checkSchema(validate: ValidateFunction, data: unknown, file: string, source: YamlSource | null): Diagnostic[] {
  if (validate(data)) return [];
  const errors = dropBranchNoise(validate.errors ?? []);
  const seen = new Set<string>();
  const diagnostics: Diagnostic[] = [];
  for (const error of errors) {
    const diagnostic = describeError(error, data, file, source);
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
      if (!e.schemaPath.startsWith(prefix)) return true;
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

function describeError(error: ErrorObject, data: unknown, file: string, source: YamlSource | null): Diagnostic | null {
  const base = instancePathSegments(error.instancePath, data);
  const value = valueAt(data, base);
  const parent = error.parentSchema as
    | { description?: string; properties?: Record<string, { description?: string }>; patternProperties?: Record<string, unknown> }
    | undefined;
  const found = describeValue(value);
  const where = (path: Segment[], key = false) => ({ path: formatFieldPath(path) || null, span: locatePath(source, path, { key }) });

  switch (error.keyword) {
    case 'required': {
      const field = String(error.params.missingProperty);
      // `sumary` for `summary` is one problem, reported once, as the unknown field with its "did you mean".
      if (misspeltKey(value, field, Object.keys(parent?.properties ?? {}))) return null;
      const located = where([...base, field]);
      return createDiagnostic({
        file,
        ruleId: 'schema/required',
        message: `Missing required field \`${field}\``,
        ...located,
        span: located.span ? { line: located.span.line, column: located.span.column } : null,
        expected: parent?.properties?.[field]?.description ?? `a value for \`${field}\``,
        actual: 'nothing',
        note: `Add \`${field}:\` ${base.length ? `under \`${formatFieldPath(base)}\`` : 'at the top level'}.`,
      });
    }
    case 'additionalProperties': {
      const field = String(error.params.additionalProperty);
      const known = Object.keys(parent?.properties ?? {});
      const patterns = Object.keys(parent?.patternProperties ?? {}).filter((p) => p !== '^x-');
      const guess = closest(field, known);
      return createDiagnostic({
        file,
        ruleId: 'schema/unknown-field',
        message: `Unknown field ${quoteText(field)}${guess ? `; did you mean \`${guess}\`?` : ''}`,
        ...where([...base, field], true),
        expected: patterns.length && !known.length ? `a key matching ${patterns.map((p) => `\`${p}\``).join(' or ')}` : knownFieldsText(known, guess),
        actual: quoteText(field),
        suggestions: guess ? [guess] : [],
        note: `${guess ? `Rename it to \`${guess}\`, or move custom data` : 'Custom data goes'} under a key that starts with \`x-\`, which is kept and ignored.`,
      });
    }
    case 'type': {
      const wanted = article(String(error.params.type));
      const subject = base.length ? `\`${formatFieldPath(base)}\`` : 'The document';
      return createDiagnostic({
        file,
        ruleId: 'schema/type',
        message: `${subject} must be ${wanted}, not ${found}`,
        ...where(base),
        expected: base.length ? (parent?.description ?? wanted) : 'a mapping of fields (`title:`, `date:`, …)',
        actual: found,
        note: typeHint(String(error.params.type), value),
      });
    }
    case 'enum': {
      const allowed = (error.params.allowedValues as unknown[]).map(String);
      const guess = typeof value === 'string' ? closest(value, allowed) : null;
      return createDiagnostic({
        file,
        ruleId: 'schema/enum',
        message: `\`${formatFieldPath(base)}\` must be one of ${allowed.join(' | ')}; found ${found}${guess ? `; did you mean \`${guess}\`?` : ''}`,
        ...where(base),
        expected: allowed.join(' | '),
        actual: found,
        suggestions: guess ? [guess] : [],
      });
    }
    case 'minLength':
      return createDiagnostic({
        file,
        ruleId: 'schema/empty',
        message: `\`${formatFieldPath(base)}\` must not be empty`,
        ...where(base),
        expected: parent?.description ?? 'text',
        actual: 'an empty string',
      });
    case 'uniqueItems': {
      const [earlier, later] = [Number(error.params.i), Number(error.params.j)];
      return createDiagnostic({
        file,
        ruleId: 'schema/duplicate-item',
        message: `\`${formatFieldPath(base)}\` lists ${describeValue(valueAt(data, [...base, later]))} twice (entries ${earlier} and ${later})`,
        ...where([...base, later]),
        expected: 'each entry once',
        actual: found,
      });
    }
    case 'minItems':
      return createDiagnostic({
        file,
        ruleId: 'schema/min-items',
        message: `\`${formatFieldPath(base)}\` needs at least ${String(error.params.limit)} ${Number(error.params.limit) === 1 ? 'entry' : 'entries'}`,
        ...where(base),
        expected: parent?.description ?? `at least ${String(error.params.limit)} ${Number(error.params.limit) === 1 ? 'entry' : 'entries'}`,
        actual: found,
      });
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return createDiagnostic({
        file,
        ruleId: 'schema/range',
        message: `\`${formatFieldPath(base)}\` must be ${String(error.params.comparison)} ${String(error.params.limit)}; found ${found}`,
        ...where(base),
        expected: `${String(error.params.comparison)} ${String(error.params.limit)}`,
        actual: found,
      });
    case 'pattern':
      return createDiagnostic({
        file,
        ruleId: 'schema/format',
        message: `\`${formatFieldPath(base)}\` has the wrong form: ${found}`,
        ...where(base),
        expected: parent?.description ?? `text matching ${String(error.params.pattern)}`,
        actual: found,
      });
    case 'anyOf':
    case 'oneOf': {
      const branches = Array.isArray(error.schema) ? (error.schema as Array<{ type?: unknown }>) : [];
      const shapes = branches.map((b) => (typeof b.type === 'string' ? article(b.type) : 'another shape')).join(' or ');
      return createDiagnostic({
        file,
        ruleId: 'schema/type',
        message: `\`${formatFieldPath(base)}\` must be ${shapes || 'another shape'}, not ${found}`,
        ...where(base),
        expected: parent?.description ?? shapes,
        actual: found,
        note: typeHint(branches.some((b) => b.type === 'string') ? 'string' : '', value),
      });
    }
    default:
      return createDiagnostic({
        file,
        ruleId: `schema/${error.keyword}`,
        message: `\`${formatFieldPath(base) || 'the document'}\` ${error.message ?? 'is invalid'}`,
        ...where(base),
        actual: found,
      });
  }
}

/** An unknown key that looks like a misspelling of the missing field (`sumary` for `summary`). */
function misspeltKey(value: unknown, field: string, known: readonly string[]): string | null {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return null;
  const unknown = Object.keys(value).filter((key) => !known.includes(key) && !key.startsWith('x-'));
  return unknown.find((key) => closest(key, known) === field) ?? null;
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

function valueAt(data: unknown, path: Segment[]): unknown {
  let current = data;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[String(segment)];
  }
  return current;
}
