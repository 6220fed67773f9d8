/** `postmortem new "TITLE" [--date D] [--severity S]`: writes a commented skeleton; never overwrites. */
import { parseOptions } from '../parse-options.js';
import { UsageError, type CommandSpec } from '../command.js';
import { isCalendarDate, isTimeZone, suggestTimeZone } from '../../incident/time.js';
import { newIncidentWorkflow } from '../../workflows/new.js';
import { openOrReport, orUsageError } from './shared.js';

export const newCommand: CommandSpec = {
  name: 'new',
  usage: '"TITLE" [--date YYYY-MM-DD] [--severity SEV] [--timezone ZONE]',
  summary: 'Writes postmortems/DATE-slug.yaml from a commented skeleton; refuses to overwrite.',
  options: [
    ['--date D', 'the day the incident began (default: today, or POSTMORTEM_NOW)'],
    ['--severity S', 'severity on the configured scale (default: the middle of the scale, SEV3)'],
    ['--timezone Z', 'IANA time zone for the timeline (default UTC)'],
  ],
  async run(args, io) {
    const { values, positionals } = parseOptions({
      args,
      allowPositionals: true,
      options: { date: { type: 'string' }, severity: { type: 'string' }, timezone: { type: 'string' } },
    });
    const title = positionals.join(' ').trim();
    if (!title) throw new UsageError('give the incident a title: postmortem new "Checkout API returned 500 errors"');
    const date = values.date ?? today(io.env.POSTMORTEM_NOW);
    if (!isCalendarDate(date)) throw new UsageError(`--date must be a real day written YYYY-MM-DD; got \`${date}\``);
    if (values.timezone && !isTimeZone(values.timezone)) {
      const guess = suggestTimeZone(values.timezone);
      throw new UsageError(`--timezone must be an IANA zone such as Europe/Berlin; got \`${values.timezone}\`${guess ? `; did you mean \`${guess}\`?` : ''}`);
    }
    const workspace = await openOrReport(io);
    if (!workspace) return 2;
    const made = orUsageError(await newIncidentWorkflow(workspace, { title, date, severity: values.severity, timezone: values.timezone }));
    if (made.exists) {
      io.stderr(`postmortem new: ${made.file} already exists with this title; not overwriting it. Edit that file, or choose another title.\n`);
      return 1;
    }
    const shared = made.sharedWith ? ` (${made.sharedWith} is another incident with the same name)` : '';
    io.stdout(`created ${made.file}${shared}\n`);
    return 0;
  },
};

function today(now: string | undefined): string {
  const instant = now ? new Date(now) : new Date();
  if (Number.isNaN(instant.getTime())) throw new UsageError(`POSTMORTEM_NOW must be an ISO 8601 date or time; got \`${now}\``);
  return instant.toISOString().slice(0, 10);
}
