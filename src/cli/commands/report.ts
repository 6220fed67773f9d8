/**
 * `postmortem report [--out FILE] [--format md|json] [--now ISO] [--check] [--fail-on-overdue]`:
 * the tracker page (default `postmortems/README.md`) or its JSON (default stdout).
 */
import { parseOptions } from '../parse-options.js';
import { UsageError, type CommandSpec } from '../command.js';
import { formatText } from '../../diagnostics/format/text.js';
import { openOrReport, orUsageError, parseFormat, parseNow, WORKERS_VARIABLE, CACHE_VARIABLES } from './shared.js';

export const reportCommand: CommandSpec = {
  name: 'report',
  usage: '[--out FILE] [--format md|json] [--now ISO] [--check] [--fail-on-overdue]',
  summary: 'The tracker: index of incidents, trends, action-item follow-through and clusters (default: postmortems/README.md).',
  options: [
    ['--out FILE', 'write the page to FILE (`-` for stdout); json goes to stdout unless --out is given'],
    ['--format F', 'md (default) or json'],
    ['--now ISO', 'count overdue items as of this day (also POSTMORTEM_NOW); default today'],
    ['--check', 'write nothing; exit 1 when the page is missing or out of date (for CI)'],
    ['--fail-on-overdue', 'exit 1 when any action item is overdue'],
  ],
  environment: [['POSTMORTEM_NOW', 'the day as ISO 8601, when --now is not given'], WORKERS_VARIABLE, ...CACHE_VARIABLES],
  async run(args, io) {
    const { values, positionals } = parseOptions({
      args,
      allowPositionals: true,
      options: {
        out: { type: 'string' },
        format: { type: 'string' },
        now: { type: 'string' },
        check: { type: 'boolean' },
        'fail-on-overdue': { type: 'boolean' },
      },
    });
    if (positionals.length > 0) throw new UsageError('report reads the whole incidents folder and takes no paths');
    const format = parseFormat(values.format ?? 'md', ['md', 'json'] as const);
    const now = parseNow(values.now, io.env);
    const workspace = await openOrReport(io);
    if (!workspace) return 2;
    const { applyReport, planReport } = await import('../../workflows/report.js');
    const onProgress = io.isTTY ? (done: number, total: number) => io.stderr(`\rreading ${done}/${total}`) : undefined;
    const { plan } = orUsageError(await planReport(workspace, { out: values.out ?? null, format, now, check: values.check ?? false, onProgress }));
    if (onProgress) io.stderr('\r\u001b[K');

    if (plan.templateWarnings?.length) io.stderr(formatText(plan.templateWarnings, { colour: io.isTTY }));
    const unreadable = plan.report.unreadable.length;
    if (unreadable > 0)
      io.stderr(
        formatText(
          plan.diagnostics.filter((d) => d.severity === 'error'),
          { colour: io.isTTY },
        ),
      );
    let failed = unreadable > 0;
    if (values.check) {
      if (plan.target === null) throw new UsageError('--check compares a file; give --out FILE with --format json');
      if (plan.state === 'unchanged') io.stdout(`${plan.target} is up to date.\n`);
      else io.stdout(`${plan.state === 'missing' ? 'missing' : 'out of date'}: ${plan.target}\nRun \`npx postmortem report\` and commit the result.\n`);
      failed ||= plan.state !== 'unchanged';
    } else if (plan.foreign) {
      io.stderr(`postmortem report: \`${plan.target}\` was not written by postmortem report; it is left as it is. Move it, or give --out FILE.\n`);
      return 1;
    } else if (plan.target === null) {
      io.stdout(plan.text);
    } else {
      await applyReport(workspace, plan);
      const { totals, action_items: actions } = plan.report;
      io.stdout(
        `${plan.state === 'unchanged' ? 'unchanged' : 'wrote'} ${plan.target}: ${totals.incidents} incidents, ${actions.overdue.length} overdue action items${unreadable > 0 ? `, ${unreadable} file${unreadable === 1 ? '' : 's'} could not be read` : ''}.\n`,
      );
    }
    if (values['fail-on-overdue'] && plan.report.action_items.overdue.length > 0) {
      // On stderr even when the page goes to stdout, so a scheduled run says why it failed.
      io.stderr(`${plan.report.action_items.overdue.length} action items are overdue as of ${plan.report.as_of}.\n`);
      failed = true;
    }
    return failed ? 1 : 0;
  },
};
