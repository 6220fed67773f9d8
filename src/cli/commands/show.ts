/** `postmortem show FILE [--format md|json]`: prints one incident, rendered or as the normalised model. */
import { parseArgs } from 'node:util';
import { UsageError, type CommandSpec } from '../command.js';
import { formatText } from '../../diagnostics/format/text.js';
import { loadIncidentFiles } from '../../workflows/incident-files.js';
import { incidentToJson } from '../../incident/to-json.js';
import { parseFormat } from '../../diagnostics/format/index.js';
import { openOrReport } from './shared.js';

export const showCommand: CommandSpec = {
  name: 'show',
  usage: 'FILE [--format md|json]',
  summary: 'Prints one incident: the rendered Markdown, or the normalised model as JSON (times as ISO instants, metrics in seconds).',
  options: [['--format F', 'md (default) or json']],
  async run(args, io) {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { format: { type: 'string' } } });
    const format = parseFormat(values.format ?? 'md', ['md', 'json'] as const);
    if (positionals.length !== 1) throw new UsageError('show takes exactly one incident file');
    const workspace = await openOrReport(io);
    if (!workspace) return 2;
    const found = await loadIncidentFiles(workspace, positionals);
    const [checked] = found;
    if (!checked || found.length > 1) throw new UsageError(`show takes one incident file; \`${positionals[0]}\` names ${found.length} files`);
    if (!checked.incident) {
      io.stderr(formatText(checked.diagnostics, { colour: io.isTTY }));
      return 1;
    }
    if (format === 'json') {
      io.stdout(`${JSON.stringify(incidentToJson(checked.incident, checked.input), null, 2)}\n`);
      return 0;
    }
    const { renderReport } = await import('../../render/render.js');
    const { loadWorkspaceTemplates } = await import('../../io/templates.js');
    const templates = await loadWorkspaceTemplates(workspace);
    io.stdout(renderReport(checked.incident, templates, { repo: workspace.config.sync.repo }));
    return 0;
  },
};
