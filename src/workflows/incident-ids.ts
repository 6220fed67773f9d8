/**
 * Incident ids must be unique across the whole incidents folder: GitHub
 * issue markers are keyed by them, so two files with one id would rewrite
 * each other's issues. The check always covers the folder, also when PATHS
 * names a single file, because the other file is the one that gets damaged.
 *
 * @example
 * const owners = await incidentIdOwners(workspace, (file) => yamlFiles.load(file));
 * duplicateIdDiagnostic(idRecord('postmortems/b.yaml', source), owners) // error naming postmortems/a.yaml
 */
import { createDiagnostic, type Diagnostic, type SourceSpan } from '../diagnostics/diagnostic.js';
import { incidentIdFromFile } from '../incident/model.js';
import { locatePath } from '../load/locate.js';
import type { LoadResult, YamlSource } from '../load/source.js';
import { listIncidentFiles } from './incident-files.js';
import type { Workspace } from './workspace.js';

/** Incident id → the files (relative to the root, sorted) that carry it. */
export type IdOwners = ReadonlyMap<string, readonly string[]>;

/** The id a file stands for: its `id:` when it is text, else the file name (as the model does). */
export function incidentIdOf(file: string, source: YamlSource | null): string {
  const written = source?.document.get('id');
  return typeof written === 'string' && written.trim() !== '' ? written : incidentIdFromFile(file);
}

/**
 * The ids of every incident file in the configured folder plus `extra` files
 * (those PATHS named outside it). `load` is the run's loader, so a file the
 * run checks anyway is parsed once.
 */
export async function incidentIdOwners(workspace: Workspace, load: (file: string) => Promise<LoadResult>, known: readonly IdRecord[] = []): Promise<IdOwners> {
  const folder = await listIncidentFiles(workspace, []);
  const records = new Map(known.map((record) => [record.file, record]));
  for (const file of folder.files ?? []) if (!records.has(file)) records.set(file, idRecord(file, (await load(file)).source));
  const owners = new Map<string, string[]>();
  for (const { file, id } of [...records.values()].sort((a, b) => (a.file < b.file ? -1 : 1))) owners.set(id, [...(owners.get(id) ?? []), file]);
  return owners;
}

/** What the duplicate check keeps of one file: its id and where `id:` is written (null: the file name is the id). */
export interface IdRecord {
  file: string;
  id: string;
  idSpan: SourceSpan | null;
  written: boolean;
}

/** The record of one loaded file. */
export function idRecord(file: string, source: YamlSource | null): IdRecord {
  const written = source?.document.has('id') ?? false;
  return { file, id: incidentIdOf(file, source), idSpan: written && source ? locatePath(source, ['id']) : null, written };
}

/** The other files with this file's incident id (empty when the id is unique). */
export function otherOwners(record: IdRecord, owners: IdOwners): string[] {
  return (owners.get(record.id) ?? []).filter((other) => other !== record.file);
}

/** An error on the file when another file has its incident id, at the `id:` line when there is one. */
export function duplicateIdDiagnostic(record: IdRecord, owners: IdOwners): Diagnostic | null {
  const others = otherOwners(record, owners);
  if (others.length === 0) return null;
  const { file, id, written } = record;
  return createDiagnostic({
    file,
    ruleId: 'schema/duplicate-incident-id',
    message: `Incident id \`${id}\` is also the id of ${others.join(', ')}; each incident needs its own id`,
    path: written ? 'id' : undefined,
    span: record.idSpan,
    expected: 'an id no other incident file has',
    actual: `\`${id}\``,
    note: `Sync keys GitHub issues by incident id, so these files would rewrite each other's issues. Give one of them its own \`id:\`${written ? '' : ' (the id defaults to the file name)'}.`,
    cause: { file: others[0]!, line: null, column: null, message: `another file with incident id \`${id}\`` },
  });
}
