/** `postmortem init [--force]`: writes the starter files; refuses to overwrite any without `--force`. */
import { parseOptions } from '../parse-options.js';
import { UsageError, type CommandSpec } from '../command.js';
import { formatText } from '../../diagnostics/format/text.js';
import { initWorkflow } from '../../workflows/init.js';
import { ACTION_USES } from '../../workflows/init-files.js';
import { openOrReport } from './shared.js';

const SAID = { create: 'created', replace: 'replaced', unchanged: 'unchanged', conflict: 'exists' } as const;

export const initCommand: CommandSpec = {
  name: 'init',
  usage: '[--force]',
  summary: 'Sets up a repository: an example incident, postmortem.config.yaml, and a GitHub workflow using the Action.',
  options: [['--force', 'replace starter files that exist with other content']],
  async run(args, io) {
    const { values } = parseOptions({ args, options: { force: { type: 'boolean' } } });
    const workspace = await openOrReport(io);
    if (!workspace) return 2;
    const result = await initWorkflow(workspace, { force: Boolean(values.force) });
    if (result.problem !== null) throw new UsageError(result.problem);
    if (result.diagnostics.length > 0) {
      io.stderr(formatText(result.diagnostics, { colour: io.isTTY }));
      io.stderr('postmortem init: the example does not fit this configuration, so its report was not rendered.\n');
    }
    if (result.conflicts.length > 0) {
      for (const file of result.conflicts) io.stderr(`postmortem init: ${file} already exists with other content; not overwriting it.\n`);
      io.stderr('Nothing was written. Move those files aside, or run `postmortem init --force` to replace them.\n');
      return 1;
    }
    for (const entry of result.entries) io.stdout(`${SAID[entry.state]} ${entry.path}\n`);
    if (result.entries.some((entry) => entry.state !== 'unchanged')) {
      io.stdout('Next: commit these files. Pull requests are then checked, and the default branch syncs action items and the index.\n');
      io.stdout(`The workflow runs the Action \`${ACTION_USES}\`; point \`uses:\` at your mirror or fork if you use one.\n`);
    }
    return 0;
  },
};
