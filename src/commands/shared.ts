/**
 * Steps every command repeats: open the workspace (config errors exit 2)
 * and print diagnostics in the requested format.
 */
import type { CommandIO } from '../command.js';
import { formatDiagnostics } from '../format/index.js';
import { openWorkspace, type Workspace } from '../workspace.js';

/** The workspace, or null after printing why the configuration is unusable. */
export async function openOrReport(io: CommandIO): Promise<Workspace | null> {
  const { workspace, diagnostics } = await openWorkspace(io.cwd);
  if (!workspace) io.stderr(formatDiagnostics(diagnostics, 'text', { colour: io.isTTY }));
  return workspace;
}
