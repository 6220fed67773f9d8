/**
 * One message per JSON Schema keyword: what ajv reports as
 * `{ keyword: 'additionalProperties', params: { additionalProperty: 'sumary' } }`
 * becomes "Unknown field `sumary`; did you mean `summary`?", with the field
 * path, the expected and found values, and a hint. `schema-check.ts` runs
 * the schema; this file only words the result.
 *
 * @example
 * describeSchemaError(context) // → { ruleId: 'schema/unknown-field', message: 'Unknown field `sumary`; …', … }
 */
import type { ErrorObject } from 'ajv/dist/2020.js';
import { formatFieldPath, type DiagnosticInit, type SourceSpan } from '../diagnostics/diagnostic.js';
import { article, describeValue, knownFieldsText, numberHint, quoteText, typeHint } from './describe.js';
import { closest } from '../diagnostics/suggest.js';
import { DATE_PATTERN } from './allowed-values.js';
import { dateFormHint } from './date-hints.js';
import { misplacedFieldNote, type FieldPlaces } from './field-places.js';

export type Segment = string | number;

export interface ParentSchema {
  description?: string;
  properties?: Record<string, { description?: string }>;
  patternProperties?: Record<string, unknown>;
}

/** Everything a message needs about one ajv error, resolved once by the caller. */
export interface SchemaErrorContext {
  error: ErrorObject;
  data: unknown;
  /** Path of the value the error is about. */
  base: Segment[];
  value: unknown;
  parent: ParentSchema | undefined;
  /** Where each field name of the format belongs (`five_whys` → `root_cause.five_whys`). */
  fieldPlaces: FieldPlaces;
  /** The field path and source span of a path, for the diagnostic. */
  where(path: Segment[], key?: boolean): { path: string | null; span: SourceSpan | null };
}

export type Described = Omit<DiagnosticInit, 'file'>;
type Describe = (c: SchemaErrorContext) => Described | null;

const field = (c: SchemaErrorContext) => `\`${formatFieldPath(c.base)}\``;
/**
 * A schema description as the `expected` part of a message: it is written as a
 * sentence ("One line naming the incident") but is read after "expected", so
 * its first letter is lowered unless it starts an acronym ("IANA zone").
 */
const asExpected = (description: string | undefined): string | undefined =>
  description === undefined || /^.[A-Z]/.test(description) ? description : description.charAt(0).toLowerCase() + description.slice(1);
const entries = (n: number) => `${n} ${n === 1 ? 'entry' : 'entries'}`;

const required: Describe = (c) => {
  const name = String(c.error.params.missingProperty);
  // `sumary` for `summary` is one problem, reported once, as the unknown field with its "did you mean".
  if (misspeltKey(c.value, name, Object.keys(c.parent?.properties ?? {}))) return null;
  const located = c.where([...c.base, name]);
  return {
    ruleId: 'schema/required',
    message: `Missing required field \`${name}\``,
    ...located,
    span: located.span ? { line: located.span.line, column: located.span.column } : null,
    expected: asExpected(c.parent?.properties?.[name]?.description) ?? `a value for \`${name}\``,
    actual: 'nothing',
    note: `Add \`${name}:\` ${c.base.length ? `under ${field(c)}` : 'at the top level'}.`,
  };
};

const unknownField: Describe = (c) => {
  const name = String(c.error.params.additionalProperty);
  const known = Object.keys(c.parent?.properties ?? {});
  const patterns = Object.keys(c.parent?.patternProperties ?? {}).filter((p) => p !== '^x-');
  const guess = closest(name, known);
  return {
    ruleId: 'schema/unknown-field',
    message: `Unknown field ${quoteText(name)}${guess ? `; did you mean \`${guess}\`?` : ''}`,
    ...c.where([...c.base, name], true),
    expected: patterns.length && !known.length ? `a key matching ${patterns.map((p) => `\`${p}\``).join(' or ')}` : knownFieldsText(known, guess),
    actual: quoteText(name),
    suggestions: guess ? [guess] : [],
    note:
      misplacedFieldNote(c.fieldPlaces, name, c.base, guess) ??
      `${guess ? `Rename it to \`${guess}\`, or move custom data` : 'Custom data goes'} under a key that starts with \`x-\`, which is kept and ignored.`,
  };
};

const wrongType: Describe = (c) => {
  const wanted = article(String(c.error.params.type));
  const key = c.base.at(-1);
  const number = numberHint(String(c.error.params.type), c.value, typeof key === 'string' ? key : null);
  return {
    ruleId: 'schema/type',
    message: `${c.base.length ? field(c) : 'The document'} must be ${wanted}, not ${describeValue(c.value)}`,
    ...c.where(c.base),
    expected: c.base.length ? (asExpected(c.parent?.description) ?? wanted) : 'a mapping of fields (`title:`, `date:`, …)',
    actual: describeValue(c.value),
    note: number?.note ?? typeHint(String(c.error.params.type), c.value),
    suggestions: number?.suggestion === undefined ? [] : [number.suggestion],
  };
};

const notAllowed: Describe = (c) => {
  const allowed = (c.error.params.allowedValues as unknown[]).map(String);
  const guess = typeof c.value === 'string' ? closest(c.value, allowed) : null;
  return {
    ruleId: 'schema/enum',
    message: `${field(c)} must be one of ${allowed.join(' | ')}; found ${describeValue(c.value)}${guess ? `; did you mean \`${guess}\`?` : ''}`,
    ...c.where(c.base),
    expected: allowed.join(' | '),
    actual: describeValue(c.value),
    suggestions: guess ? [guess] : [],
  };
};

const emptyText: Describe = (c) => ({
  ruleId: 'schema/empty',
  message: `${field(c)} must not be empty`,
  ...c.where(c.base),
  expected: asExpected(c.parent?.description) ?? 'text',
  actual: 'an empty string',
});

const repeatedItem: Describe = (c) => {
  const [earlier, later] = [Number(c.error.params.i), Number(c.error.params.j)];
  return {
    ruleId: 'schema/duplicate-item',
    message: `${field(c)} lists ${describeValue(valueAt(c.data, [...c.base, later]))} twice (entries ${earlier} and ${later})`,
    ...c.where([...c.base, later]),
    expected: 'each entry once',
    actual: describeValue(c.value),
  };
};

const tooFew: Describe = (c) => ({
  ruleId: 'schema/min-items',
  message: `${field(c)} needs at least ${entries(Number(c.error.params.limit))}`,
  ...c.where(c.base),
  expected: asExpected(c.parent?.description) ?? `at least ${entries(Number(c.error.params.limit))}`,
  actual: describeValue(c.value),
});

const outOfRange: Describe = (c) => {
  const bound = `${String(c.error.params.comparison)} ${String(c.error.params.limit)}`;
  return {
    ruleId: 'schema/range',
    message: `${field(c)} must be ${bound}; found ${describeValue(c.value)}`,
    ...c.where(c.base),
    expected: bound,
    actual: describeValue(c.value),
  };
};

// Prose fields carry the pattern `\S`: text that is only white space is as empty as none.
const wrongForm: Describe = (c) => {
  if (c.error.params.pattern !== '\\S') return wrongFormOf(c);
  const empty = emptyText(c);
  if (c.value === '' || !empty) return empty;
  return { ...empty, message: `${field(c)} must not be blank (it holds only white space)`, actual: 'only white space' };
};

const wrongFormOf: Describe = (c) => {
  // A date field (`date`, `deadline`, `published_on`): the value rewritten as YYYY-MM-DD where it can be read.
  const date = c.error.params.pattern === DATE_PATTERN && typeof c.value === 'string' ? dateFormHint(c.value) : null;
  const guess = idGuess(c);
  return {
    ruleId: 'schema/format',
    message: `${field(c)} has the wrong form: ${describeValue(c.value)}`,
    ...c.where(c.base),
    expected: asExpected(c.parent?.description) ?? `text matching ${String(c.error.params.pattern)}`,
    actual: describeValue(c.value),
    suggestions: date ? date.suggestions : guess ? [guess] : [],
    ...(date ? { note: date.note } : {}),
  };
};

/** For an incident or action item id: the same text as the id's pattern allows it (`Tokyo DC` → `tokyo-dc`), when that differs and fits. */
function idGuess(c: SchemaErrorContext): string | null {
  if (c.base[c.base.length - 1] !== 'id' || typeof c.value !== 'string') return null;
  // Not the slugifier of `new`: its transliteration table would weigh on every validate's start, and a case change is what an id mostly needs.
  const guess = c.value
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}_]+/gu, '-')
    .replace(/^[-_]+|-+$/g, '');
  return guess !== '' && guess !== c.value && new RegExp(String(c.error.params.pattern), 'u').test(guess) ? guess : null;
}

const noShapeFits: Describe = (c) => {
  const branches = Array.isArray(c.error.schema) ? (c.error.schema as Array<{ type?: unknown }>) : [];
  const shapes = branches.map((b) => (typeof b.type === 'string' ? article(b.type) : 'another shape')).join(' or ') || 'another shape';
  return {
    ruleId: 'schema/type',
    message: `${field(c)} must be ${shapes}, not ${describeValue(c.value)}`,
    ...c.where(c.base),
    expected: asExpected(c.parent?.description) ?? shapes,
    actual: describeValue(c.value),
    note: typeHint(branches.some((b) => b.type === 'string') ? 'string' : '', c.value),
  };
};

const other: Describe = (c) => ({
  ruleId: 'schema/invalid',
  message: `${c.base.length ? field(c) : 'The document'} ${c.error.message ?? 'is invalid'}`,
  ...c.where(c.base),
  actual: describeValue(c.value),
});

const DESCRIBERS: Readonly<Record<string, Describe>> = {
  required,
  additionalProperties: unknownField,
  type: wrongType,
  enum: notAllowed,
  minLength: emptyText,
  uniqueItems: repeatedItem,
  minItems: tooFew,
  minimum: outOfRange,
  maximum: outOfRange,
  exclusiveMinimum: outOfRange,
  exclusiveMaximum: outOfRange,
  pattern: wrongForm,
  anyOf: noShapeFits,
  oneOf: noShapeFits,
};

/**
 * The diagnostic (without its file) for one ajv error, or null when the
 * problem is already reported by another error of the same run.
 *
 * @example
 * describeSchemaError({ error, data, base: ['title'], value: 42, parent, where })?.message // → '`title` must be text, not the number 42'
 */
export function describeSchemaError(context: SchemaErrorContext): Described | null {
  return (Object.hasOwn(DESCRIBERS, context.error.keyword) ? DESCRIBERS[context.error.keyword]! : other)(context);
}

/** The value at a path of plain data, or undefined. */
export function valueAt(data: unknown, path: readonly Segment[]): unknown {
  let current = data;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[String(segment)];
  }
  return current;
}

/** An unknown key that looks like a misspelling of the missing field (`sumary` for `summary`). */
function misspeltKey(value: unknown, name: string, known: readonly string[]): string | null {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return null;
  const unknown = Object.keys(value).filter((key) => !known.includes(key) && !key.startsWith('x-'));
  return unknown.find((key) => closest(key, known) === name) ?? null;
}
