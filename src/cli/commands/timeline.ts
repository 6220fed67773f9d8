/** `postmortem timeline FILE --from LOG… --request-id ID`: merges the log lines of one correlation id into the timeline. */
import { parseOptions } from '../parse-options.js';
import { stringify } from 'yaml';
import { UsageError, type CommandSpec } from '../command.js';
import { formatText } from '../../diagnostics/format/text.js';
import { diskLogReader } from '../../io/log-reader.js';
import { LOG_LEVELS, type LogLevel } from '../../timeline/log-level.js';
import { isTimeZone } from '../../incident/time.js';
import { timelineWorkflow } from '../../workflows/timeline.js';
import { exitCodeFor, openOrReport, orUsageError } from './shared.js';

export const timelineCommand: CommandSpec = {
  name: 'timeline',
  usage: 'FILE --from LOG [LOG…] --request-id ID [--dry-run] [--level L] [--since T] [--until T] [--max N] [--log-timezone Z]',
  summary: "Merges the log lines of one correlation id (and its children) into the incident's timeline.",
  options: [
    ['--from LOG…', 'log files to read: JSON lines, logfmt or plain, gzip-compressed or not (repeatable; later arguments are logs too)'],
    ['--request-id ID', 'the correlation id; children such as ID_inventory or ID.2 are included'],
    ['--id-field NAME', 'a field that holds the id (repeatable; default request_id, correlation_id, trace_id, x-request-id)'],
    ['--dry-run', 'print the entries instead of writing them'],
    ['--level L', `keep lines at this level or above (${LOG_LEVELS.join(', ')})`],
    ['--since T, --until T', 'keep lines in this window; times as in the incident (10:00, 2024-01-15 10:00, ISO)'],
    ['--max N', 'merge at most N entries (the earliest); says how many were left out'],
    ['--log-timezone Z', "zone of log times written without one (default: the incident's)"],
  ],
  async run(args, io) {
    const { values, positionals } = parseOptions({
      args,
      allowPositionals: true,
      options: {
        from: { type: 'string', multiple: true },
        'request-id': { type: 'string' },
        'id-field': { type: 'string', multiple: true },
        'dry-run': { type: 'boolean' },
        level: { type: 'string' },
        since: { type: 'string' },
        until: { type: 'string' },
        max: { type: 'string' },
        'log-timezone': { type: 'string' },
      },
    });
    const [file, ...moreLogs] = positionals;
    if (file === undefined)
      throw new UsageError('name the incident file: postmortem timeline postmortems/2024-01-15-checkout.yaml --from logs/app.log --request-id ID');
    const from = [...(values.from ?? []), ...moreLogs];
    if ((values.from ?? []).length === 0) throw new UsageError('name the logs to read with --from LOG');
    const requestId = values['request-id']?.trim();
    if (!requestId) throw new UsageError('give the correlation id with --request-id ID');
    if (values.level !== undefined && !(LOG_LEVELS as readonly string[]).includes(values.level))
      throw new UsageError(`--level must be one of ${LOG_LEVELS.join(', ')}; got \`${values.level}\``);
    if (values.max !== undefined && !/^\d+$/.test(values.max)) throw new UsageError(`--max takes a whole number >= 0; got \`${values.max}\``);
    const zone = values['log-timezone'];
    if (zone !== undefined && !isTimeZone(zone)) throw new UsageError(`--log-timezone must be an IANA zone such as Europe/Berlin; got \`${zone}\``);
    const workspace = await openOrReport(io);
    if (!workspace) return 2;
    const result = orUsageError(
      await timelineWorkflow(workspace, diskLogReader(workspace.root), {
        file,
        from,
        requestId,
        idFields: values['id-field'],
        dryRun: values['dry-run'] === true,
        level: values.level as LogLevel | undefined,
        since: values.since,
        until: values.until,
        max: values.max === undefined ? undefined : Number(values.max),
        logTimezone: zone,
      }),
    );
    if (result.diagnostics.length > 0) io.stderr(formatText(result.diagnostics, { colour: io.isTTY }));
    const { lines, matched, filtered, duplicates } = result.counts;
    const tally = `${lines} lines read, ${matched} matched, ${filtered} filtered out, ${duplicates} already in the timeline`;
    if (values['dry-run']) {
      io.stdout(`${result.entries.length} entries would be merged into ${result.file} (${tally}):\n`);
      if (result.entries.length > 0)
        io.stdout(
          stringify(
            result.entries.map((e) => e.entry),
            { lineWidth: 0 },
          ),
        );
    } else if (result.written) io.stdout(`merged ${result.entries.length} entries into ${result.file} (${tally})\n`);
    else io.stdout(`${result.file} unchanged (${tally})\n`);
    return exitCodeFor(result.diagnostics);
  },
};
