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
import { composeReportFile, PENDING_KEY } from './report-file.js';
import { buildReportView, type ReportOptions } from './view.js';

export interface TemplateSet {
  /** The main template, `report.hbs`. */
  report: string;
  /** Partials by name (`summary`, `timeline`, …), from `partials/*.hbs`. */
  partials: Record<string, string>;
}

const compiled = new WeakMap<TemplateSet, HandlebarsTemplateDelegate>();

function compile(templates: TemplateSet): HandlebarsTemplateDelegate {
  const cached = compiled.get(templates);
  if (cached) return cached;
  const handlebars = createTemplateEngine();
  for (const [name, source] of Object.entries(templates.partials)) handlebars.registerPartial(name, source);
  // Plain `{{x}}` keeps Handlebars' HTML escaping as a safety net for custom templates.
  const template = handlebars.compile(templates.report);
  compiled.set(templates, template);
  return template;
}

/**
 * A Handlebars instance with the escaping helpers every template uses:
 * `md` (prose), `inline` (one line), `cell` (a table cell), `join` (a list).
 * The tracker's templates share it, so user text is escaped one way.
 */
export function createTemplateEngine(): typeof Handlebars {
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
  return compile(templates)(buildReportView(incident, options));
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
