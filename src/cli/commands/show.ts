/** `postmortem show FILE [--format md|json]`: prints one incident, rendered or as the normalised model. */
import { parseOptions } from '../parse-options.js';
import { UsageError, type CommandSpec } from '../command.js';
import { formatText } from '../../diagnostics/format/text.js';
import { showWorkflow } from '../../workflows/show.js';
import { openOrReport, orUsageError, parseFormat } from './shared.js';

export const showCommand: CommandSpec = {
  name: 'show',
  usage: 'FILE [--format md|json]',
  summary: 'Prints one incident: the rendered Markdown, or the normalised model as JSON (times as ISO instants, metrics in seconds, related incidents).',
  options: [['--format F', 'md (default) or json']],
  async run(args, io) {
    const { values, positionals } = parseOptions({ args, allowPositionals: true, options: { format: { type: 'string' } } });
    const format = parseFormat(values.format ?? 'md', ['md', 'json'] as const);
    if (positionals.length !== 1) throw new UsageError('show takes exactly one incident file');
    const workspace = await openOrReport(io);
    if (!workspace) return 2;
    const shown = orUsageError(await showWorkflow(workspace, { file: positionals[0]!, format }));
    if (shown.output === null) {
      io.stderr(formatText(shown.diagnostics, { colour: io.isTTY }));
      return 1;
    }
    io.stdout(shown.output);
    return 0;
  },
};
