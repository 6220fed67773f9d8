/** `postmortem validate [PATHS…] [--format text|json|github|sarif]`: checks incident files against the contract. */
import { parseOptions } from '../parse-options.js';
import type { CommandSpec } from '../command.js';
import { docsFolderFor } from '../../io/package-docs.js';
import { formatDiagnostics, DIAGNOSTIC_FORMATS } from '../../diagnostics/format/index.js';
import { skippedFilesLine } from '../../workflows/incident-files.js';
import { validateWorkflow } from '../../workflows/validate.js';
import { exitCodeFor, openOrReport, orUsageError, parseFormat, parseMaxWarnings, parseNow, WORKERS_VARIABLE, CACHE_VARIABLES } from './shared.js';

export const validateCommand: CommandSpec = {
  name: 'validate',
  usage: '[PATHS…] [--format text|json|github|sarif] [--max-warnings N] [--quiet]',
  summary: 'Checks incident files against the format: schema, dates, time zones, chronology, unique ids.',
  options: [
    ['--format F', 'text (default), json (one array of diagnostics), github (workflow annotations), sarif (SARIF 2.1.0 for code scanning)'],
    ['--quiet', 'print nothing when every file is valid'],
    ['--max-warnings N', 'exit 1 when there are more than N warnings (default: warnings never fail)'],
  ],
  environment: [WORKERS_VARIABLE, ...CACHE_VARIABLES],
  async run(args, io) {
    const { values, positionals } = parseOptions({
      args,
      allowPositionals: true,
      options: { format: { type: 'string' }, quiet: { type: 'boolean' }, 'max-warnings': { type: 'string' } },
    });
    const maxWarnings = parseMaxWarnings(values['max-warnings']);
    const format = parseFormat(values.format, DIAGNOSTIC_FORMATS);
    const workspace = await openOrReport(io);
    if (!workspace) return 2;
    // The policy limits on time in draft / review need today; read the clock only when one is set.
    const { maxDaysInDraft, maxDaysInReview } = workspace.config.policies;
    const today = maxDaysInDraft === null && maxDaysInReview === null ? null : (parseNow(undefined, io.env) ?? new Date()).toISOString().slice(0, 10);
    const { files, diagnostics, skipped } = orUsageError(await validateWorkflow(workspace, { paths: positionals, today }));
    const skippedLine = skippedFilesLine(skipped);
    if (skippedLine) io.stderr(skippedLine);
    if (format === 'text' && diagnostics.length === 0) {
      if (!values.quiet) io.stdout(`${files} incident file${files === 1 ? '' : 's'} valid.\n`);
    } else if (!(values.quiet && diagnostics.length === 0)) {
      io.stdout(formatDiagnostics(diagnostics, format, { colour: io.isTTY, docsFolder: docsFolderFor(io.cwd) }));
    }
    return exitCodeFor(diagnostics, maxWarnings);
  },
};
