/**
 * `postmortem lint [PATHS…] [--format text|json|github|sarif] [--max-warnings N]`:
 * blaming-language and completeness rules on `.yaml` incidents and `.md`
 * post-mortems. Exit 1 on any error-severity finding, or when warnings
 * exceed `--max-warnings`; 2 on usage or configuration errors.
 */
import { parseArgs } from 'node:util';
import { UsageError, type CommandSpec } from '../command.js';
import { compareDiagnostics, createDiagnostic, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { formatDiagnostics, DIAGNOSTIC_FORMATS, parseFormat } from '../../diagnostics/format/index.js';
import { noFilesDiagnostic } from '../../workflows/incident-files.js';
import { findFiles, readBytes, type Workspace } from '../../io/workspace.js';
import { exitCodeFor, openOrReport, parseMaxWarnings } from './shared.js';
import { isGeneratedReport } from '../../render/report-file.js';

export const LINT_EXTENSIONS = ['.yaml', '.yml', '.md'] as const;

export const lintCommand: CommandSpec = {
  name: 'lint',
  usage: '[PATHS…] [--format text|json|github|sarif] [--max-warnings N]',
  summary: 'Flags blaming language and missing sections in incident files and Markdown post-mortems.',
  options: [
    ['--format F', 'text (default), json, github (workflow annotations), sarif (SARIF 2.1.0 for code scanning)'],
    ['--max-warnings N', 'exit 1 when there are more than N warnings (default: warnings never fail)'],
    ['--quiet', 'print nothing when there are no findings'],
  ],
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { format: { type: 'string' }, 'max-warnings': { type: 'string' }, quiet: { type: 'boolean' } },
    });
    const format = parseFormat(values.format, DIAGNOSTIC_FORMATS);
    const maxWarnings = parseMaxWarnings(values['max-warnings']);
    const workspace = await openOrReport(io);
    if (!workspace) return 2;
    const { files, diagnostics } = await lintFiles(workspace, positionals);
    if (files === 0) diagnostics.push(noFilesDiagnostic(positionals.length ? positionals : [workspace.config.incidents]));
    if (format === 'text' && diagnostics.length === 0) {
      if (!values.quiet) io.stdout(`${files} file${files === 1 ? '' : 's'} linted: no problems found.\n`);
    } else if (!(values.quiet && diagnostics.length === 0)) {
      io.stdout(formatDiagnostics(diagnostics, format, { colour: io.isTTY }));
    }
    return exitCodeFor(diagnostics, maxWarnings);
  },
};

/** Reads and lints every file PATHS name; one unreadable file becomes a diagnostic on that file. */
export async function lintFiles(workspace: Workspace, paths: readonly string[]): Promise<{ files: number; diagnostics: Diagnostic[] }> {
  const named = paths.length > 0 ? paths : [workspace.config.incidents];
  const { files, missing } = await findFiles(workspace.root, named, LINT_EXTENSIONS);
  if (missing.length > 0) throw new UsageError(`no such file or folder: ${missing.join(', ')}`);
  // Loaded here, not at start-up, so that other commands do not pay for the Markdown parser.
  const lint = await import('../../lint/index.js');
  const settings = workspace.config.lint;
  const diagnostics: Diagnostic[] = lint.checkRuleNames(settings);
  // Reads overlap in batches (the linting itself is synchronous); a batch bounds open files.
  for (let at = 0; at < files.length; at += READ_BATCH) {
    const batch = files.slice(at, at + READ_BATCH);
    const reads = await Promise.all(batch.map((file) => readBytes(workspace.root, file)));
    batch.forEach((file, k) => diagnostics.push(...lintOne(lint, file, reads[k]!, settings)));
  }
  return { files: files.length, diagnostics: diagnostics.sort(compareDiagnostics) };
}

const READ_BATCH = 64;

type LintModule = typeof import('../../lint/index.js');

function lintOne(lint: LintModule, file: string, read: Awaited<ReturnType<typeof readBytes>>, settings: Workspace['config']['lint']): Diagnostic[] {
  if ('diagnostic' in read) return [read.diagnostic];
  // A file named explicitly with another extension (notes.txt) is read as Markdown: plain text is Markdown.
  if (/\.ya?ml$/i.test(file)) return lint.lintIncidentSource(file, read.bytes, { settings });
  return lintMarkdownBytes(file, read.bytes, (text) => lint.lintMarkdown(file, text, { settings }));
}

function lintMarkdownBytes(file: string, bytes: Uint8Array, lint: (text: string) => Diagnostic[]): Diagnostic[] {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return [createDiagnostic({ file, ruleId: 'schema/encoding', message: 'The file is not valid UTF-8', expected: 'UTF-8 text' })];
  }
  // A generated report repeats its YAML's prose, which is linted (with its suppressions) at the source.
  if (isGeneratedReport(text)) return [];
  return lint(text);
}
