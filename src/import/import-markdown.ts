/**
 * The import stage: one Markdown post-mortem in, incident input out. Known
 * sections fill their fields; front matter (read through the safe loader)
 * fills the metadata; whatever has no field goes under `x-unmapped`, so no
 * sentence of the source is lost. A required field that cannot be found
 * gets a placeholder, the incident becomes a `draft`, and a diagnostic says
 * which field to fill. The result is validated before it is returned.
 *
 * @example
 * const { data, diagnostics, fileName } = importMarkdown('old/2019-01-07-db.md', markdown, DEFAULT_CONFIG);
 */
import type { RootContent } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { Config } from '../config/config.js';
import { createDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { slugify } from '../incident/slug.js';
import { IMPORT_PLACEHOLDER as PLACEHOLDER } from '../incident/placeholders.js';
import { checkIncidentData } from '../validate/check-incident.js';
import { readActionItems } from './action-section.js';
import { findDate, statedZone } from './document-time.js';
import { isPlainLessonsHeading, type SectionField } from './headings.js';
import { readFrontMatter } from './front-matter.js';
import { blockText, inlineText, listItemText, nodesToText } from './markdown-text.js';
import { splitSections, type Section } from './sections.js';
import { impactWindowEntries } from './impact-window.js';
import { readTimeline } from './timeline-section.js';

export interface ImportResult {
  /** The incident input, ready to write as YAML. */
  data: Record<string, unknown>;
  /** `DATE-slug.yaml`. */
  fileName: string;
  /** Headings kept under `x-unmapped`, in document order. */
  unmapped: string[];
  diagnostics: Diagnostic[];
}

const parser = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']);

export function importMarkdown(file: string, markdown: string, config: Pick<Config, 'severities'>): ImportResult {
  const diagnostics: Diagnostic[] = [];
  const split = splitSections(parser.parse(markdown));
  const front = readFrontMatter(file, split.frontMatter);
  diagnostics.push(...front.diagnostics);
  const byField = (field: SectionField) => split.sections.filter((section) => section.field === field && section.nodes.length > 0);
  const textOf = (field: SectionField) =>
    byField(field)
      .map((s) => nodesToText(s.nodes))
      .filter((t) => t.trim() !== '')
      .join('\n\n');
  const unmapped: Array<{ heading: string; text: string }> = [];
  const missing: Array<{ path: string; looked: string }> = [];

  const title = front.fields.title ?? split.title ?? baseName(file);
  const allText = nodesToText(split.sections.flatMap((s) => s.nodes));
  const preamble = nodesToText(split.preamble);
  const date = front.fields.date ?? findDate(baseName(file)) ?? findDate(title) ?? findDate(`${preamble}\n${allText}`);
  const timelineNodes = byField('timeline').flatMap((s) => s.nodes);
  const zone = front.fields.timezone ?? statedZone(nodesToText(timelineNodes)) ?? statedZone(`${preamble}\n${allText}`) ?? 'UTC';
  const frontSeverity = front.fields.severity && config.severities.includes(front.fields.severity) ? front.fields.severity : undefined;
  if (front.fields.severity && !frontSeverity) front.extra = split.frontMatter!.text;
  const severity = frontSeverity ?? severityIn(`${title}\n${preamble}\n${allText}`, config.severities);

  const data: Record<string, unknown> = { title };
  data.date = date ?? '1970-01-01';
  if (!date) missing.push({ path: 'date', looked: 'front matter `date`, a date in the file name, the title or the text' });
  data.timezone = zone;
  data.severity = severity ?? config.severities[Math.floor((config.severities.length - 1) / 2)] ?? 'SEV3';
  if (!severity) missing.push({ path: 'severity', looked: 'front matter `severity` or "SEV2" / "Severity: 2" in the text' });
  data.status = 'draft';
  for (const key of ['authors', 'participants', 'services', 'tags'] as const) if (front.fields[key]) data[key] = front.fields[key];

  const summary = [preamble, textOf('summary')].filter((t) => t.trim() !== '').join('\n\n');
  data.summary = summary || placeholder(missing, 'summary', 'Summary, Overview, What happened');
  data.impact = { description: textOf('impact') || placeholder(missing, 'impact.description', 'Impact, Customer impact, Scope') };

  const timeline = readTimeline(timelineNodes, { date: data.date as string, zone });
  if (timeline.notes.length > 0) unmapped.push({ heading: byField('timeline')[0]!.heading, text: timeline.notes.join('\n\n') });
  if (timeline.sorted)
    diagnostics.push(
      createDiagnostic({
        file,
        ruleId: 'import/timeline-sorted',
        severity: 'info',
        message: 'Timeline entries were not in chronological order as written; they are sorted',
      }),
    );
  const window = timeline.entries.length > 0 ? null : impactWindowEntries(`${textOf('impact')}\n${summary}`, { date: data.date as string, zone });
  if (window)
    diagnostics.push(
      createDiagnostic({
        file,
        ruleId: 'import/timeline-from-impact',
        severity: 'info',
        path: 'timeline',
        message: 'No timeline section; the start and end of impact come from the impact statement',
      }),
    );
  data.timeline =
    timeline.entries.length > 0
      ? timeline.entries
      : window
        ? window.entries
        : [{ time: '12:00', event: placeholder(missing, 'timeline', 'Timeline, Chronology, Sequence of events (a time/event table or a list)') }];

  data.root_cause = rootCause(textOf('root_cause'), byField('contributing_factors'), missing);
  data.resolution = resolution(byField('resolution')) ?? placeholder(missing, 'resolution', 'Resolution, Mitigation, Remediation, Recovery');

  const actions = readActionItems(byField('action_items').flatMap((s) => s.nodes));
  if (actions.notes.length > 0) unmapped.push({ heading: byField('action_items')[0]!.heading, text: actions.notes.join('\n\n') });
  data.action_items = actions.items;
  if (actions.items.length === 0)
    missing.push({ path: 'action_items', looked: 'Action items, Follow-ups, Next steps, Corrective actions (a table or a list)' });
  data.lessons = byField('lessons').flatMap(lessonsOf);

  for (const section of split.sections) {
    // An empty section is only a heading: structure, not text.
    if (section.field !== null || section.nodes.length === 0) continue;
    unmapped.push({ heading: section.heading, text: nodesToText(section.nodes) });
    diagnostics.push(
      createDiagnostic({
        file,
        ruleId: 'import/unmapped',
        severity: 'info',
        span: section.line ? { line: section.line, column: 1 } : null,
        message: `Section \`${section.heading}\` has no field in the incident format; kept under \`x-unmapped\``,
      }),
    );
  }
  if (split.comments.length > 0) unmapped.unshift({ heading: 'HTML comments', text: split.comments.join('\n') });
  if (front.extra) unmapped.unshift({ heading: 'front matter', text: front.extra });
  if (unmapped.length > 0) data['x-unmapped'] = unmapped;

  if (missing.length === 0) data.status = front.fields.status ?? 'in-review';
  for (const { path, looked } of missing) {
    diagnostics.push(
      createDiagnostic({
        file,
        ruleId: 'import/missing-field',
        severity: 'warning',
        path,
        message: `No \`${path}\` found (looked for ${looked}); the incident is a draft with a placeholder to fill in`,
      }),
    );
  }
  const fileName = `${data.date as string}-${slugify(title)}.yaml`;
  return { data, fileName, unmapped: unmapped.map((u) => u.heading), diagnostics: [...diagnostics, ...validate(fileName, data, config)] };
}

function placeholder(missing: Array<{ path: string; looked: string }>, path: string, looked: string): string {
  missing.push({ path, looked });
  return PLACEHOLDER;
}

function rootCause(immediate: string, factors: readonly Section[], missing: Array<{ path: string; looked: string }>): Record<string, unknown> {
  const cause: Record<string, unknown> = {
    immediate: immediate || placeholder(missing, 'root_cause.immediate', 'Root cause, Cause, Trigger, Why did it happen'),
  };
  const listed = factors.flatMap((section) => section.nodes.flatMap(itemsOrBlock));
  if (listed.length > 0) cause.contributing_factors = listed;
  return cause;
}

/** A section that is one list becomes steps; anything else is prose. */
function resolution(sections: readonly Section[]): string | string[] | null {
  const nodes = sections.flatMap((s) => s.nodes);
  if (nodes.length === 0) return null;
  const [only] = nodes;
  if (nodes.length === 1 && only?.type === 'list') return only.children.map((item) => listItemText(item)).filter((t) => t.trim() !== '');
  return nodesToText(nodes) || null;
}

function lessonsOf(section: Section): Array<string | { title: string; detail: string }> {
  if (isPlainLessonsHeading(section.heading)) return section.nodes.flatMap(itemsOrBlock);
  const detail = nodesToText(section.nodes);
  return detail ? [{ title: section.heading, detail }] : [];
}

/** A list gives one string per item; any other block one string. */
function itemsOrBlock(node: RootContent): string[] {
  if (node.type === 'list') return node.children.map((item) => listItemText(item)).filter((t) => t.trim() !== '');
  const text = node.type === 'heading' ? inlineText(node.children) : blockText(node);
  return text.trim() === '' ? [] : [text];
}

function severityIn(text: string, scale: readonly string[]): string | null {
  const match = /\b(?:sev(?:erity)?)[\s:#-]*([0-9])\b/i.exec(text);
  const severity = match ? `SEV${match[1]}` : null;
  return severity && scale.includes(severity) ? severity : null;
}

function baseName(file: string): string {
  return (file.split(/[\\/]/).pop() ?? file).replace(/\.(md|markdown)$/i, '');
}

function validate(fileName: string, data: Record<string, unknown>, config: Pick<Config, 'severities'>): Diagnostic[] {
  return checkIncidentData(fileName, data, null, config).diagnostics;
}
