/**
 * The lint use case: blaming-language and structure rules over the `.yaml`
 * incidents and `.md` post-mortems PATHS name. One unreadable file becomes a
 * diagnostic on that file; the others are still linted.
 *
 * @example
 * const { files, diagnostics } = await lintWorkflow(workspace, { paths: ['postmortems/'] });
 */
import { CONFIG_FILES } from '../config/config.js';
import { compareDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import { decodeUtf8, locatePath, parseYamlSource } from '../load/parse.js';
import { isGeneratedReport } from '../render/report-file.js';
import { listFiles, noFilesDiagnostic, readFiles } from './incident-files.js';
import { checkLoadedIncident } from '../validate/check-incident.js';
import { isReadinessRule } from '../validate/readiness.js';
import type { ReadResult, Workspace } from './workspace.js';

export const LINT_EXTENSIONS = ['.yaml', '.yml', '.md'] as const;

export interface LintWorkflowOptions {
  /** Files or folders, relative to the root; empty means the configured incidents folder. */
  paths: readonly string[];
}

export interface LintWorkflowResult {
  /** Set when the request itself is wrong (a named path does not exist); nothing was linted. */
  problem: string | null;
  files: number;
  /** Sorted; includes a `schema/no-files` warning when nothing matched. */
  diagnostics: Diagnostic[];
}

type LintModule = typeof import('../lint/index.js');

export async function lintWorkflow(workspace: Workspace, options: LintWorkflowOptions): Promise<LintWorkflowResult> {
  const listed = await listFiles(workspace, options.paths, LINT_EXTENSIONS);
  if (listed.problem !== null) return { problem: listed.problem, files: 0, diagnostics: [] };
  // Loaded here, not at start-up, so that other commands do not pay for the Markdown parser.
  const lint = await import('../lint/index.js');
  const settings = workspace.config.lint;
  const diagnostics: Diagnostic[] = await placedInConfig(workspace, lint.checkRuleNames(settings));
  for await (const { file, read } of readFiles(workspace, listed.files)) diagnostics.push(...lintOne(lint, file, read, workspace.config));
  diagnostics.sort(compareDiagnostics);
  if (listed.files.length === 0) diagnostics.push(noFilesDiagnostic(options.paths.length ? options.paths : [workspace.config.incidents]));
  return { problem: null, files: listed.files.length, diagnostics };
}

/**
 * An unknown rule name is a problem of the config file: it gets the line and
 * column of its key there, like every other config problem.
 */
async function placedInConfig(workspace: Workspace, unknownRules: Diagnostic[]): Promise<Diagnostic[]> {
  if (unknownRules.length === 0) return unknownRules;
  for (const name of CONFIG_FILES) {
    const text = await workspace.readTextIfExists(name);
    if (text === null) continue;
    const { source } = parseYamlSource(name, text);
    return unknownRules.map((diagnostic) => {
      const span = source && diagnostic.actual !== undefined ? locatePath(source, ['lint', 'rules', diagnostic.actual], { key: true }) : null;
      const place = span ? { line: span.line, column: span.column, endLine: span.endLine ?? null, endColumn: span.endColumn ?? null } : {};
      return { ...diagnostic, file: name, ...place };
    });
  }
  return unknownRules;
}

function lintOne(lint: LintModule, file: string, read: ReadResult, config: Workspace['config']): Diagnostic[] {
  // The tracker page of a large folder can pass the size limit; like every generated file, it is not linted.
  if ('diagnostic' in read) return read.generated ? [] : [read.diagnostic];
  const settings = config.lint;
  // A file named explicitly with another extension (notes.txt) is read as Markdown: plain text is Markdown.
  if (/\.ya?ml$/i.test(file)) {
    // Parsed once: the check reuses the loaded source, and lint takes the people from the model it builds.
    const loaded = parseYamlSource(file, read.bytes);
    const checked = checkLoadedIncident(file, loaded, config);
    // Readiness is completeness too: a published skeleton fails lint as well as validate.
    const readiness = checked.diagnostics.filter((diagnostic) => isReadinessRule(diagnostic.ruleId));
    return [...lint.lintLoadedIncident(file, loaded, checked.incident, { settings }), ...readiness];
  }
  const decoded = decodeUtf8(file, read.bytes);
  if ('diagnostic' in decoded) return [decoded.diagnostic];
  const text = decoded.text.replace(/^\uFEFF/, '');
  // A generated report repeats its YAML's prose, which is linted (with its suppressions) at the source.
  if (isGeneratedReport(text)) return [];
  return lint.lintMarkdown(file, text, { settings });
}
