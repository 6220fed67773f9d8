/**
 * The new use case: write a commented skeleton for a new incident at
 * `INCIDENTS/DATE-slug.yaml`, never over an existing file. Flags are checked
 * by the caller; the severity scale is the workspace's.
 *
 * When that name is taken: by an incident with the same title, nothing is
 * written (it is most likely this incident, created before); by another
 * incident whose title gives the same slug, the new file takes the first
 * free name (`DATE-slug-2.yaml`) and `sharedWith` names the other file.
 *
 * @example
 * const made = await newIncidentWorkflow(workspace, { title: 'Checkout errors', date: '2024-01-15' });
 * // → { problem: null, file: 'postmortems/2024-01-15-checkout-errors.yaml', exists: false }
 */
import path from 'node:path';
import { buildSkeleton } from '../incident/skeleton.js';
import { slugify, uniqueSlug } from '../incident/slug.js';
import { parseYamlSource } from '../load/parse.js';
import { editorSchemaPath } from './editor-schema.js';
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
  /** True when an incident with this title and date is already there, so nothing was written. */
  exists: boolean;
  /** The file of another incident that already had this name, when the new file took the next free one. */
  sharedWith?: string;
}

export async function newIncidentWorkflow(workspace: Workspace, options: NewIncidentOptions): Promise<NewIncidentResult> {
  const scale = workspace.config.severities;
  const severity = (options.severity ?? scale[Math.floor((scale.length - 1) / 2)] ?? 'SEV3').toUpperCase();
  if (!scale.includes(severity)) return { problem: `--severity must be one of ${scale.join(', ')}; got \`${options.severity}\``, file: null, exists: false };
  const base = path.posix.join(workspace.config.incidents, `${options.date}-${slugify(options.title)}`);
  const wanted = `${base}.yaml`;
  const { files } = await workspace.findFiles([workspace.config.incidents], ['.yaml', '.yml'], { fromRoot: true });
  // The name and its numbered variants (`-2`, `-3`…): any of them may already be this incident.
  for (const other of files.filter((file) => file.startsWith(base) && /^(-\d+)?\.ya?ml$/.test(file.slice(base.length)))) {
    const text = await workspace.readTextIfExists(other);
    if (text !== null && sameTitle(other, text, options.title)) return { problem: null, file: other, exists: true };
  }
  const taken = new Set(files.map((file) => file.replace(/\.ya?ml$/, '')));
  const file = `${uniqueSlug(base, (name) => taken.has(name))}.yaml`;
  const schemaPath = await editorSchemaPath(workspace, file);
  await workspace.writeText(
    file,
    buildSkeleton({ title: options.title, date: options.date, severity, timezone: options.timezone, severities: scale, schemaPath }),
  );
  return { problem: null, file, exists: false, ...(file === wanted ? {} : { sharedWith: wanted }) };
}

/** Whether the file already there is this incident: its title, compared without case or outer spaces. */
function sameTitle(file: string, text: string, title: string): boolean {
  const written = parseYamlSource(file, text).data;
  const other = written !== null && typeof written === 'object' ? (written as Record<string, unknown>).title : undefined;
  return typeof other === 'string' && other.trim().toLowerCase() === title.trim().toLowerCase();
}
