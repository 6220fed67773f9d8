/**
 * The per-run cache of loaded YAML files: each file is read and parsed once
 * per run, and an edit (sync's write-back) keeps the verifying re-parse of the
 * new text as the file's current state, so nothing parses a file again.
 * A run owns its cache; nothing outlives the run.
 *
 * @example
 * const files = createYamlFiles(workspace);
 * const { checked } = await files.check('postmortems/a.yaml');
 * await files.edit('postmortems/a.yaml', (source) => editItemFields(source, edits));
 */
import { checkLoadedIncident, type CheckedIncident } from '../validate/check-incident.js';
import { parseYamlSource } from '../load/parse.js';
import type { LoadResult, YamlSource } from '../load/source.js';
import type { Workspace } from './workspace.js';

export interface YamlFiles {
  /** The file loaded (read and parsed at most once); a read failure is a diagnostic in the result. */
  load(file: string): Promise<LoadResult>;
  /** The file loaded and checked against the contract. */
  check(file: string): Promise<CheckedIncident>;
  /**
   * Edits the file's current text and writes it atomically (durable, BOM kept);
   * `edit` returns the new text and its verifying parse, which becomes current.
   * Rejects (writing nothing) when the file does not parse or the edit throws.
   */
  edit(file: string, edit: (source: YamlSource) => { text: string; loaded: LoadResult }): Promise<void>;
  /** How many times a file was parsed from disk (for the parse-once test). */
  readonly parses: number;
}

interface Entry {
  loaded: LoadResult;
  /** Checked on the bytes: a TextDecoder drops the BOM before the loader could see it. */
  hasBom: boolean;
}

export function createYamlFiles(workspace: Workspace): YamlFiles {
  const entries = new Map<string, Promise<Entry>>();
  let parses = 0;
  function entry(file: string): Promise<Entry> {
    let found = entries.get(file);
    if (!found) {
      found = workspace.readBytes(file).then((read) => {
        if ('diagnostic' in read) return { loaded: { data: null, source: null, diagnostics: [read.diagnostic] }, hasBom: false };
        parses++;
        const { bytes } = read;
        return { loaded: parseYamlSource(file, bytes), hasBom: bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf };
      });
      entries.set(file, found);
    }
    return found;
  }
  return {
    load: async (file) => (await entry(file)).loaded,
    check: async (file) => checkLoadedIncident(file, (await entry(file)).loaded, workspace.config),
    async edit(file, edit) {
      const current = await entry(file);
      const { source } = current.loaded;
      if (!source || current.loaded.diagnostics.length > 0) throw new Error(`${file} no longer parses; nothing was written`);
      const { text, loaded } = edit(source);
      await workspace.writeText(file, (current.hasBom || source.hasBom ? '\uFEFF' : '') + text, { durable: true });
      entries.set(file, Promise.resolve({ loaded, hasBom: current.hasBom || source.hasBom }));
    },
    get parses() {
      return parses;
    },
  };
}
