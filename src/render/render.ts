/**
 * Renders an incident to a Markdown report: Handlebars templates (one partial
 * per section) fill in the view, whose user text the helpers have already
 * escaped in canonical form; a layout pass (blank lines, table columns) makes
 * the result canonical Markdown, stable byte for byte, without parsing it
 * again. Pure: templates come in as strings (see `loadTemplates` for the disk side).
 *
 * @example
 * const markdown = renderReport(incident, await loadTemplates(null));
 */
import Handlebars from 'handlebars';
import type { Incident } from '../incident/model.js';
import { escapeBlock, escapeCell, escapeInline, escapeList } from './escape.js';
import { layoutMarkdown } from './layout.js';
import { PRECOMPILED_TEMPLATES } from './precompiled-templates.js';
import { composeReportFile, PENDING_KEY } from './report-file.js';
import { buildReportView, type ReportOptions } from './view.js';

export interface TemplateSet {
  /** The main template, `report.hbs`. */
  report: string;
  /** Partials by name (`summary`, `timeline`, …), from `partials/*.hbs`. */
  partials: Record<string, string>;
}

/** Handlebars' own names, through its module, so the published types import it (its globals are not in scope there). */
type TemplateFunction = Handlebars.TemplateDelegate;
type TemplateCode = Parameters<typeof Handlebars.template>[0];

const compiled = new WeakMap<TemplateSet, TemplateFunction>();

/** The built-in templates' precompiled code by their text, so a template the team has not changed is not compiled again. */
const PRECOMPILED = new Map(PRECOMPILED_TEMPLATES);

/**
 * A template set made into one function, once per set: the report's and the
 * tracker page's. A template whose text is a built-in one's runs from its
 * precompiled code; any other is compiled here. `precompiled` is for tests
 * (an empty map compiles everything, as before the precompiled table).
 */
export function compileTemplateSet(templates: TemplateSet, precompiled: ReadonlyMap<string, TemplateCode> = PRECOMPILED): TemplateFunction {
  const cache = precompiled === PRECOMPILED;
  const cached = cache ? compiled.get(templates) : undefined;
  if (cached) return cached;
  const handlebars = createTemplateEngine();
  const prepared = (source: string) => {
    const spec = precompiled.get(source);
    return spec ? handlebars.template(spec) : null;
  };
  for (const [name, source] of Object.entries(templates.partials)) handlebars.registerPartial(name, prepared(source) ?? source);
  // Plain `{{x}}` keeps Handlebars' HTML escaping as a safety net for custom templates.
  const template = prepared(templates.report) ?? handlebars.compile(templates.report);
  if (cache) compiled.set(templates, template);
  return template;
}

/**
 * A Handlebars instance with the escaping helpers every template uses:
 * `md` (prose), `inline` (one line), `cell` (a table cell), `join` (a list).
 * The tracker's templates share it, so user text is escaped one way.
 */
function createTemplateEngine(): typeof Handlebars {
  const handlebars = Handlebars.create();
  handlebars.registerHelper('md', (text: unknown) => new handlebars.SafeString(escapeBlock(String(text ?? ''))));
  handlebars.registerHelper('inline', (text: unknown) => new handlebars.SafeString(escapeInline(oneLine(text))));
  handlebars.registerHelper('cell', (text: unknown) => new handlebars.SafeString(escapeCell(String(text ?? ''))));
  handlebars.registerHelper(
    'join',
    (list: unknown, separator: unknown) =>
      new handlebars.SafeString(escapeList((Array.isArray(list) ? list : []).map(oneLine), typeof separator === 'string' ? separator : ', ')),
  );
  handlebars.registerHelper('inc', (value: unknown) => Number(value) + 1);
  return handlebars;
}

function oneLine(text: unknown): string {
  return String(text ?? '')
    .trim()
    .replace(/\s*\n\s*/g, ' ');
}

/**
 * Canonical Markdown for template output whose user text went through the
 * escaping helpers: the same input always gives the same bytes. It lays out
 * blank lines and table columns and does not re-parse the Markdown.
 */
export function normaliseMarkdown(text: string): string {
  return layoutMarkdown(text);
}

/** The template output before normalisation (the layout pass). */
export function renderRawReport(incident: Incident, templates: TemplateSet, options: ReportOptions = {}): string {
  return compileTemplateSet(templates)(buildReportView(incident, options));
}

/**
 * The complete report file: a generated-file header, then the normalised
 * Markdown. `key` is the hash of the rendering's inputs that `build` computes
 * (`reportKey`); without one the header says `pending`, and a build renders
 * the report again.
 */
export function renderReport(incident: Incident, templates: TemplateSet, options: ReportOptions & { key?: string } = {}): string {
  const body = normaliseMarkdown(renderRawReport(incident, templates, options));
  return composeReportFile(incident.file, body, { key: options.key ?? PENDING_KEY, related: (options.related ?? []).map((other) => other.file) });
}
