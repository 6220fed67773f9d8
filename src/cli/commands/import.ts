/** `postmortem import FILE.md… [--out DIR]`: turns Markdown post-mortems into incident YAML files. */
import { parseOptions } from '../parse-options.js';
import { UsageError, type CommandSpec } from '../command.js';
import { formatText } from '../../diagnostics/format/text.js';
import { importWorkflow } from '../../workflows/import.js';
import { exitCodeFor, openOrReport, orUsageError } from './shared.js';

export const importCommand: CommandSpec = {
  name: 'import',
  usage: 'FILE.md… [--out DIR] [--dry-run]',
  summary: 'Turns Markdown post-mortems into incident YAML files, losing no sentence (what has no field goes under x-unmapped).',
  options: [
    ['--out DIR', 'folder for the incident files (default: the incidents folder, postmortems/)'],
    ['--dry-run', 'print the YAML instead of writing it'],
  ],
  async run(args, io) {
    const { values, positionals } = parseOptions({ args, allowPositionals: true, options: { out: { type: 'string' }, 'dry-run': { type: 'boolean' } } });
    if (positionals.length === 0) throw new UsageError('name the Markdown files to import: postmortem import old/*.md --out postmortems/');
    const workspace = await openOrReport(io);
    if (!workspace) return 2;
    const result = orUsageError(await importWorkflow(workspace, { paths: positionals, out: values.out, dryRun: values['dry-run'] === true }));
    if (result.diagnostics.length > 0) io.stderr(formatText(result.diagnostics, { colour: io.isTTY }));
    for (const file of result.files) {
      if (values['dry-run'] && file.yaml !== null) io.stdout(`# ${file.target}\n${file.yaml}\n`);
      else if (file.written) {
        const kept = file.unmapped.length > 0 ? `; under x-unmapped: ${file.unmapped.join(', ')}` : '';
        io.stdout(`imported ${file.source} -> ${file.target}${kept}\n`);
      }
    }
    return exitCodeFor(result.diagnostics);
  },
};
