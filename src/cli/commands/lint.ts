/**
 * `postmortem lint [PATHS…] [--format text|json|github|sarif] [--max-warnings N]`:
 * blaming-language and completeness rules on `.yaml` incidents and `.md`
 * post-mortems. Exit 1 on any error-severity finding, or when warnings
 * exceed `--max-warnings`; 2 on usage or configuration errors.
 */
import { parseOptions } from '../parse-options.js';
import type { CommandSpec } from '../command.js';
import { docsFolderFor } from '../../io/package-docs.js';
import { formatDiagnostics, DIAGNOSTIC_FORMATS } from '../../diagnostics/format/index.js';
import { lintWorkflow } from '../../workflows/lint.js';
import { exitCodeFor, openOrReport, orUsageError, parseFormat, parseMaxWarnings } from './shared.js';

export const lintCommand: CommandSpec = {
  name: 'lint',
  usage: '[PATHS…] [--format text|json|github|sarif] [--max-warnings N] [--quiet]',
  summary: 'Flags blaming language and missing sections in incident files and Markdown post-mortems.',
  options: [
    ['--format F', 'text (default), json, github (workflow annotations), sarif (SARIF 2.1.0 for code scanning)'],
    ['--max-warnings N', 'exit 1 when there are more than N warnings (default: warnings never fail)'],
    ['--quiet', 'print nothing when there are no findings'],
  ],
  async run(args, io) {
    const { values, positionals } = parseOptions({
      args,
      allowPositionals: true,
      options: { format: { type: 'string' }, 'max-warnings': { type: 'string' }, quiet: { type: 'boolean' } },
    });
    const format = parseFormat(values.format, DIAGNOSTIC_FORMATS);
    const maxWarnings = parseMaxWarnings(values['max-warnings']);
    const workspace = await openOrReport(io);
    if (!workspace) return 2;
    const { files, diagnostics } = orUsageError(await lintWorkflow(workspace, { paths: positionals }));
    if (format === 'text' && diagnostics.length === 0) {
      if (!values.quiet) io.stdout(`${files} file${files === 1 ? '' : 's'} linted: no problems found.\n`);
    } else if (!(values.quiet && diagnostics.length === 0)) {
      io.stdout(formatDiagnostics(diagnostics, format, { colour: io.isTTY, docsFolder: docsFolderFor(io.cwd) }));
    }
    return exitCodeFor(diagnostics, maxWarnings);
  },
};
