/**
 * Renders an incident to a Markdown report: Handlebars templates (one partial
 * per section) fill in the view, then remark (with GFM) re-serialises the
 * result so the output is clean, canonical Markdown, stable byte for byte.
 * Pure: templates come in as strings (see `loadTemplates` for the disk side).
 *
 * @example
 * const markdown = renderReport(incident, await loadTemplates(null));
 */
import Handlebars from 'handlebars';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import type { Incident } from '../incident/model.js';
import { escapeBlock, escapeCell, escapeInline } from './escape.js';
import { composeReportFile } from './report-file.js';
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
  const handlebars = Handlebars.create();
  handlebars.registerHelper('md', (text: unknown) => new handlebars.SafeString(escapeBlock(String(text ?? ''))));
  handlebars.registerHelper('inline', (text: unknown) => new handlebars.SafeString(escapeInline(oneLine(text))));
  handlebars.registerHelper('cell', (text: unknown) => new handlebars.SafeString(escapeCell(String(text ?? ''))));
  handlebars.registerHelper('join', (list: unknown, separator: unknown) =>
    new handlebars.SafeString((Array.isArray(list) ? list : []).map((item) => escapeInline(oneLine(item))).join(typeof separator === 'string' ? separator : ', ')),
  );
  handlebars.registerHelper('inc', (value: unknown) => Number(value) + 1);
  for (const [name, source] of Object.entries(templates.partials)) handlebars.registerPartial(name, source);
  // Plain `{{x}}` keeps Handlebars' HTML escaping as a safety net for custom templates.
  const template = handlebars.compile(templates.report);
  compiled.set(templates, template);
  return template;
}

function oneLine(text: unknown): string {
  return String(text ?? '').trim().replace(/\s*\n\s*/g, ' ');
}

const markdown = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkStringify, { bullet: '-', emphasis: '_', strong: '*', fences: true, rule: '-', listItemIndent: 'one', incrementListMarker: true })
  .freeze();

/** Canonical Markdown: the same input always gives the same bytes. */
export function normaliseMarkdown(text: string): string {
  return String(markdown.processSync(text));
}

/** The template output before normalisation: cheap, and the key for reusing a report on disk. */
export function renderRawReport(incident: Incident, templates: TemplateSet, options: ReportOptions = {}): string {
  return compile(templates)(buildReportView(incident, options));
}

/**
 * The complete report file: a generated-file header, then the normalised
 * Markdown. When `existing` (the report on disk) was rendered from the same
 * template output and has not been edited since, it is returned as is and
 * the costly Markdown pass is skipped.
 */
export function renderReport(incident: Incident, templates: TemplateSet, options: ReportOptions & { existing?: string | null } = {}): string {
  const raw = renderRawReport(incident, templates, options);
  return composeReportFile(incident.file, raw, options.existing ?? null, normaliseMarkdown);
}
