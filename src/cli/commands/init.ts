/** `postmortem init [--force]`: writes the starter files; refuses to overwrite any without `--force`. */
import { parseArgs } from 'node:util';
import type { CommandSpec } from '../command.js';
import { DEFAULT_CONFIG } from '../../config/config.js';
import { formatText } from '../../diagnostics/format/text.js';
import { createTextFiles } from '../../io/text-files.js';
import { checkIncident } from '../../validate/check-incident.js';
import { runInit } from '../../workflows/init.js';
import { openWorkspace } from '../../io/workspace.js';

const SAID = { create: 'created', replace: 'replaced', unchanged: 'unchanged', conflict: 'exists' } as const;

export const initCommand: CommandSpec = {
  name: 'init',
  usage: '[--force]',
  summary: 'Sets up a repository: an example incident, postmortem.config.yaml, and a GitHub workflow using the Action.',
  options: [['--force', 'replace starter files that exist with other content']],
  async run(args, io) {
    const { values } = parseArgs({ args, options: { force: { type: 'boolean' } } });
    const { workspace } = await openWorkspace(io.cwd);
    const { renderReport } = await import('../../render/render.js');
    const { loadWorkspaceTemplates } = await import('../../io/templates.js');
    const context = workspace ?? { root: io.cwd, config: DEFAULT_CONFIG };
    const templates = await loadWorkspaceTemplates(context);
    const render = (file: string, yaml: string) => {
      const checked = checkIncident(file, yaml, context.config);
      if (checked.incident) return renderReport(checked.incident, templates, { repo: context.config.sync.repo });
      // The example is fixed text; a configuration that rejects it (another severity scale) is worth saying.
      io.stderr(formatText(checked.diagnostics, { colour: io.isTTY }));
      return null;
    };
    const result = await runInit(createTextFiles(io.cwd), { force: Boolean(values.force), render });
    if (result.conflicts.length > 0) {
      for (const file of result.conflicts) io.stderr(`postmortem init: ${file} already exists with other content; not overwriting it.\n`);
      io.stderr('Nothing was written. Move those files aside, or run `postmortem init --force` to replace them.\n');
      return 1;
    }
    for (const entry of result.entries) io.stdout(`${SAID[entry.state]} ${entry.path}\n`);
    if (result.entries.some((entry) => entry.state !== 'unchanged')) {
      io.stdout('Next: commit these files. Pull requests are then checked, and the default branch syncs action items and the index.\n');
    }
    return 0;
  },
};
