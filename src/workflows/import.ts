/**
 * The import use case: each Markdown post-mortem named becomes an incident
 * file in `out` (default: the incidents folder), named `DATE-slug.yaml`.
 * Files are independent: one that cannot be read, or whose target exists
 * already (never overwritten), gets a diagnostic and the others go on.
 *
 * @example
 * const result = await importWorkflow(workspace, { paths: ['old/outage.md'], out: 'postmortems' });
 * result.files[0] // → { source: 'old/outage.md', target: 'postmortems/2019-01-07-db-outage.yaml', written: true, unmapped: [...] }
 */
import { createDiagnostic, hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import { importMarkdown } from '../import/import-markdown.js';
import { incidentYaml } from '../import/incident-yaml.js';
import { decodeUtf8 } from '../load/parse.js';
import { editorSchemaPath } from './editor-schema.js';
import { listFiles } from './incident-files.js';
import type { Workspace } from './workspace.js';

export const MARKDOWN_EXTENSIONS = ['.md', '.markdown'] as const;

export interface ImportOptions {
  paths: readonly string[];
  /** Folder for the incident files; default the configured incidents folder. */
  out?: string;
  dryRun?: boolean;
}

export interface ImportedFile {
  source: string;
  /** Null when the file could not be read. */
  target: string | null;
  written: boolean;
  /** Headings kept under `x-unmapped`. */
  unmapped: string[];
  /** The YAML, for dry runs. */
  yaml: string | null;
}

export interface ImportResult {
  problem: string | null;
  files: ImportedFile[];
  diagnostics: Diagnostic[];
}

export async function importWorkflow(workspace: Workspace, options: ImportOptions): Promise<ImportResult> {
  const listed = await listFiles(workspace, options.paths, MARKDOWN_EXTENSIONS);
  if (listed.problem !== null) return { problem: listed.problem, files: [], diagnostics: [] };
  const out = (options.out ?? workspace.config.incidents).replace(/\/+$/, '') || '.';
  const unwritable = options.dryRun ? null : await workspace.writableFolderProblem(out);
  if (unwritable !== null) return { problem: unwritable, files: [], diagnostics: [] };
  const result: ImportResult = { problem: null, files: [], diagnostics: [] };
  const targets = new Set<string>();
  for (const source of listed.files) {
    const read = await workspace.readBytes(source);
    const decoded = 'diagnostic' in read ? read : decodeUtf8(source, read.bytes);
    if ('diagnostic' in decoded) {
      result.diagnostics.push(decoded.diagnostic);
      result.files.push({ source, target: null, written: false, unmapped: [], yaml: null });
      continue;
    }
    const imported = importMarkdown(source, decoded.text.replace(/^\uFEFF/, ''), workspace.config);
    const target = `${out}/${imported.fileName}`;
    const yaml = incidentYaml(imported.data, source, await editorSchemaPath(workspace, target));
    // Messages about the import name the Markdown file; validation ones the file written.
    const diagnostics = imported.diagnostics.map((d) =>
      d.ruleId === 'import/unmapped' || d.ruleId === 'import/front-matter' || d.ruleId === 'import/timeline-sorted'
        ? { ...d, file: source }
        : { ...d, file: target },
    );
    const entry: ImportedFile = { source, target, written: false, unmapped: imported.unmapped, yaml };
    result.files.push(entry);
    if (targets.has(target) || (await workspace.exists(target))) {
      diagnostics.push(
        createDiagnostic({
          file: source,
          ruleId: 'import/target-exists',
          message: `\`${target}\` already exists; not overwriting it`,
          note: 'Move or rename that file, or import into another folder with --out.',
        }),
      );
    }
    targets.add(target);
    result.diagnostics.push(...diagnostics);
    if (options.dryRun || hasErrors(diagnostics)) continue;
    try {
      await workspace.writeText(target, yaml, { durable: true });
      entry.written = true;
    } catch (error) {
      result.diagnostics.push(
        createDiagnostic({
          file: target,
          ruleId: 'import/unwritable',
          message: `Cannot write the file (${(error as { code?: string }).code ?? String(error)})`,
        }),
      );
    }
  }
  return result;
}
