/** `postmortem validate [PATHS…] [--format text|json|github|sarif]`: checks incident files against the contract. */
import { parseArgs } from 'node:util';
import type { CommandSpec } from '../command.js';
import { compareDiagnostics, hasErrors } from '../diagnostic.js';
import { formatDiagnostics, OUTPUT_FORMATS, parseFormat } from '../format/index.js';
import { loadIncidentFiles, noFilesDiagnostic } from '../incident-files.js';
import { openOrReport } from './shared.js';

export const validateCommand: CommandSpec = {
  name: 'validate',
  usage: '[PATHS…] [--format text|json|github]',
  summary: 'Checks incident files against the format: schema, dates, time zones, chronology, unique ids.',
  options: [
    ['--format F', 'text (default), json (one array of diagnostics), github (workflow annotations)'],
    ['--quiet', 'print nothing when every file is valid'],
  ],
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { format: { type: 'string' }, quiet: { type: 'boolean' } },
    });
    const format = parseFormat(values.format, OUTPUT_FORMATS);
    const workspace = await openOrReport(io);
    if (!workspace) return 2;
    const checked = await loadIncidentFiles(workspace, positionals);
    const diagnostics = checked.flatMap((c) => c.diagnostics).sort(compareDiagnostics);
    if (checked.length === 0) diagnostics.push(noFilesDiagnostic(positionals.length ? positionals : [workspace.config.incidents]));
    if (format === 'text' && diagnostics.length === 0) {
      if (!values.quiet) io.stdout(`${checked.length} incident file${checked.length === 1 ? '' : 's'} valid.\n`);
    } else if (!(values.quiet && diagnostics.length === 0)) {
      io.stdout(formatDiagnostics(diagnostics, format, { colour: io.isTTY }));
    }
    return hasErrors(diagnostics) ? 1 : 0;
  },
};
