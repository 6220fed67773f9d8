/**
 * The new use case: write a commented skeleton for a new incident at
 * `INCIDENTS/DATE-slug.yaml`, never over an existing file. Flags are checked
 * by the caller; the severity scale is the workspace's.
 *
 * @example
 * const made = await newIncidentWorkflow(workspace, { title: 'Checkout errors', date: '2024-01-15' });
 * // → { problem: null, file: 'postmortems/2024-01-15-checkout-errors.yaml', exists: false }
 */
import path from 'node:path';
import { buildSkeleton, slugify } from '../incident/skeleton.js';
import type { Workspace } from './workspace.js';

export interface NewIncidentOptions {
  title: string;
  /** YYYY-MM-DD, already checked to be a real day. */
  date: string;
  /** On the configured scale (any case); default: the middle of the scale. */
  severity?: string | undefined;
  /** An IANA zone, already checked; default UTC. */
  timezone?: string | undefined;
}

export interface NewIncidentResult {
  /** Set when the request is wrong (a severity not on the scale); nothing was written. */
  problem: string | null;
  /** The file, relative to the root. */
  file: string | null;
  /** True when the file was already there, so nothing was written. */
  exists: boolean;
}

export async function newIncidentWorkflow(workspace: Workspace, options: NewIncidentOptions): Promise<NewIncidentResult> {
  const scale = workspace.config.severities;
  const severity = (options.severity ?? scale[Math.floor((scale.length - 1) / 2)] ?? 'SEV3').toUpperCase();
  if (!scale.includes(severity)) return { problem: `--severity must be one of ${scale.join(', ')}; got \`${options.severity}\``, file: null, exists: false };
  const file = path.posix.join(workspace.config.incidents, `${options.date}-${slugify(options.title)}.yaml`);
  if (await workspace.exists(file)) return { problem: null, file, exists: true };
  const schemaPath = await editorSchemaPath(workspace, file);
  await workspace.writeText(file, buildSkeleton({ title: options.title, date: options.date, severity, timezone: options.timezone, severities: scale, schemaPath }));
  return { problem: null, file, exists: false };
}

/**
 * The schema line's target, relative to the new file: this repository's own
 * `schema/` when the workspace has one (a checkout of postmortem), else the
 * installed package's copy, so editors find it in a user's repository too.
 */
async function editorSchemaPath(workspace: Workspace, file: string): Promise<string> {
  const own = 'schema/postmortem.schema.json';
  const target = (await workspace.exists(own)) ? own : 'node_modules/postmortems/schema/postmortem.schema.json';
  return path.posix.relative(path.posix.dirname(file), target);
}
