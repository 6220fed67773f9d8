/**
 * `docs/rules.md`, generated from the catalogue: one table per family and
 * one heading per validation, build, sync, timeline and import rule (the anchors the
 * diagnostics' `url` points at). `npm run rules-doc` writes it; a test fails
 * when the committed file drifts.
 *
 * @example
 * catalogueMarkdown().startsWith('# Rule ids') // true
 */
import { CATALOGUE, RULES_DOC, type RuleEntry, type RuleFamily } from './catalogue.js';

const FAMILIES: ReadonlyArray<readonly [RuleFamily, string, string]> = [
  ['schema', 'Loading and validation (`validate`, and every command that reads an incident)', 'docs/format.md'],
  ['build', 'Rendering reports (`build`)', 'README.md'],
  ['sync', 'GitHub issues (`sync`)', 'docs/sync.md'],
  ['review', "Review gate (the GitHub Action's `check`)", 'docs/action.md'],
  ['policy', 'Configured policies (`validate`, `report`)', 'docs/report.md'],
  ['timeline', 'Timelines from logs (`timeline`)', 'docs/timeline.md'],
  ['import', 'Importing Markdown post-mortems (`import`)', 'docs/import.md'],
  ['blame', 'Blaming language (`lint`)', 'docs/lint.md'],
  ['structure', 'Completeness (`lint`)', 'docs/lint.md'],
];

/** Escapes what would break a Markdown table cell. */
const cell = (text: string) => text.replace(/\|/g, '\\|');

/** The whole text of docs/rules.md. */
export function catalogueMarkdown(): string {
  const lines = [
    '# Rule ids',
    '',
    '<!-- Generated from src/diagnostics/catalogue.ts by `npm run rules-doc`; do not edit by hand. -->',
    '',
    'Every diagnostic names the rule that produced it. This is the full list, with',
    'the default severity (lint severities can be changed in the configuration).',
    '',
  ];
  for (const [family, title, page] of FAMILIES) {
    const entries = CATALOGUE.filter((entry) => entry.family === family);
    lines.push(`## ${title}`, '', `More in [${page}](${relative(page)}).`, '', '| Rule | Severity | What it reports |', '| --- | --- | --- |');
    for (const entry of entries) lines.push(`| [\`${entry.id}\`](${link(entry)}) | ${entry.severity} | ${cell(entry.summary)} |`);
    lines.push('');
    for (const entry of entries.filter((e) => e.url.startsWith(`${RULES_DOC}#`)))
      lines.push(`### \`${entry.id}\``, '', `${capitalise(entry.summary)} (${entry.severity}).`, '');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

/** Links from docs/rules.md: its own anchors stay anchors, other pages are relative to docs/. */
function link(entry: RuleEntry): string {
  return entry.url.startsWith(`${RULES_DOC}#`) ? entry.url.slice(RULES_DOC.length) : relative(entry.url);
}

function relative(target: string): string {
  return target.startsWith('docs/') ? target.slice('docs/'.length) : `../${target}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
