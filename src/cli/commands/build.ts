/** `postmortem build [PATHS…] [--out DIR] [--check]`: renders each incident to Markdown. */
import { parseOptions } from '../parse-options.js';
import type { CommandSpec } from '../command.js';
import { formatText } from '../../diagnostics/format/text.js';
import { openOrReport, orUsageError, WORKERS_VARIABLE } from './shared.js';
import { skippedFilesLine } from '../../workflows/incident-files.js';
import { orphanDiagnostic } from '../../workflows/orphan-reports.js';

export const buildCommand: CommandSpec = {
  name: 'build',
  usage: '[PATHS…] [--out DIR] [--check]',
  summary: 'Renders each incident to a Markdown report (default: NAME.md beside its YAML file).',
  options: [
    ['--out DIR', 'write reports into DIR instead (overrides `output` in the config)'],
    ['--check', 'write nothing; exit 1 when a report is missing or out of date (for CI)'],
  ],
  environment: [WORKERS_VARIABLE],
  async run(args, io) {
    const { values, positionals } = parseOptions({
      args,
      allowPositionals: true,
      options: { out: { type: 'string' }, check: { type: 'boolean' } },
    });
    const workspace = await openOrReport(io);
    if (!workspace) return 2;
    // Rendering pulls in remark and Handlebars; loaded only by the commands that render.
    const { applyBuild, planBuild } = await import('../../workflows/build.js');
    const onProgress = io.isTTY ? (done: number, total: number) => io.stderr(`\rrendering ${done}/${total}`) : undefined;
    const plan = await planBuild(workspace, positionals, { outDir: values.out ?? null, onProgress, check: values.check === true });
    if (onProgress) io.stderr('\r\u001b[K');
    // A template that does not parse stops every render: say where, and exit 2 as for other configuration errors.
    if (plan.problem !== null && plan.diagnostics?.length) {
      io.stderr(formatText(plan.diagnostics, { colour: io.isTTY }));
      return 2;
    }
    const { items, skipped, orphans = [], templateWarnings = [] } = orUsageError(plan);
    const skippedLine = skippedFilesLine(skipped);
    if (skippedLine) io.stderr(skippedLine);
    if (templateWarnings.length > 0) io.stderr(formatText(templateWarnings, { colour: io.isTTY }));

    const failed = items.filter((item) => item.state === 'failed');
    if (failed.length > 0)
      io.stderr(
        formatText(
          failed.flatMap((item) => item.diagnostics),
          { colour: io.isTTY },
        ),
      );
    const stale = items.filter((item) => item.state === 'missing' || item.state === 'changed');
    if (values.check) {
      for (const item of stale) io.stdout(`${item.state === 'missing' ? 'missing' : 'out of date'}: ${item.target} (from ${item.file})\n`);
      for (const orphan of orphans) io.stdout(`orphaned: ${orphan.report} (from ${orphan.source}, which no longer exists)\n`);
      if (stale.length > 0) io.stdout('Run `npx postmortem build` and commit the result.\n');
      if (orphans.length > 0)
        io.stdout(
          `Delete the orphaned report${orphans.length === 1 ? '' : 's'}, or restore ${orphans.length === 1 ? 'its' : 'their'} incident file${orphans.length === 1 ? '' : 's'}.\n`,
        );
      else if (stale.length === 0 && failed.length === 0) io.stdout(`${items.length} report${items.length === 1 ? '' : 's'} up to date.\n`);
      return stale.length > 0 || failed.length > 0 || orphans.length > 0 ? 1 : 0;
    }
    if (orphans.length > 0)
      io.stderr(
        formatText(
          orphans.map((orphan) => orphanDiagnostic(orphan, 'warning')),
          { colour: io.isTTY },
        ),
      );
    const { failures } = await applyBuild(workspace, items);
    if (failures.length > 0) io.stderr(formatText(failures, { colour: io.isTTY }));
    const failedWrites = new Set(failures.map((d) => d.file));
    for (const item of stale) if (!failedWrites.has(item.file)) io.stdout(`wrote ${item.target}\n`);
    const unchanged = items.filter((item) => item.state === 'unchanged').length;
    const written = stale.length - failedWrites.size;
    const failedCount = failed.length + failedWrites.size;
    io.stdout(`${written} written, ${unchanged} unchanged, ${failedCount} failed.\n`);
    return failedCount > 0 ? 1 : 0;
  },
};
