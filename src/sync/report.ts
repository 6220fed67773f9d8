/**
 * What sync prints: one line per item that needs attention (or, for
 * `--dry-run`, per planned operation) and the closing summary. Pure, so the
 * wording is tested without a server.
 *
 * @example
 * formatPlanLine(op); // 'create  postmortems/a.yaml  add-test  "Add a test for…"'
 */
import type { OpResult } from './apply.js';
import { summarize } from './apply.js';
import type { SyncOp } from './plan.js';
import { showControlChars } from '../diagnostics/printable.js';

// Marker text comes from issues on GitHub, which anyone who can edit an issue
// can shape: every line is passed through the one control-character policy.

/** One line of the `--dry-run` plan. */
export function formatPlanLine(op: SyncOp): string {
  return showControlChars(planLine(op));
}

function planLine(op: SyncOp): string {
  switch (op.kind) {
    case 'create':
      return `create     ${op.item.file}  ${op.item.actionId}  ${JSON.stringify(op.draft.title)}${op.then ? ` (then close as ${op.then.stateReason})` : ''}`;
    case 'update':
      return `update     ${op.item.file}  ${op.item.actionId}  #${op.issue} (${op.reasons.join(', ')})`;
    case 'unchanged':
      return `unchanged  ${op.item.file}  ${op.item.actionId}  #${op.issue}`;
    case 'conflict':
      return `conflict   ${op.item.file}  ${op.item.actionId}  #${op.issue}: ${op.message}`;
    case 'write-back':
      return `write-back ${op.item.file}  ${op.item.actionId}  issue: ${op.issue}${op.status ? `, status: ${op.status}` : ''}`;
    case 'close':
      return `close      #${op.issue}  ${op.incident}/${op.action} (${op.reason === 'duplicate' ? 'duplicate' : 'removed from the YAML'})`;
    case 'removed':
      return `removed    #${op.issue}  ${op.incident}/${op.action} is no longer in the YAML (--prune closes it)`;
  }
}

/** One line per result worth reading; unchanged items and plain write-backs stay quiet. */
export function formatResultLine(result: OpResult): string | null {
  const line = resultLine(result);
  return line === null ? null : showControlChars(line);
}

function resultLine(result: OpResult): string | null {
  const { op } = result;
  const where = 'item' in op ? `${op.item.file}  ${op.item.actionId}` : `${op.incident}/${op.action}`;
  const issue = result.issue === null ? '' : `  #${result.issue}`;
  const warnings = result.warnings.map((w) => `\n  warning: ${w}`).join('');
  switch (result.outcome) {
    case 'created':
    case 'updated':
    case 'closed':
      return `${result.outcome.padEnd(9)} ${where}${issue}${warnings}`;
    case 'written-back':
      return op.kind === 'write-back' && op.status ? `status    ${where}${issue}: ${op.status} (from the issue)${warnings}` : null;
    case 'conflict':
    case 'removed':
    case 'failed':
      return `${result.outcome.padEnd(9)} ${where}${issue}: ${result.message ?? ''}${warnings}`;
    case 'unchanged':
      return warnings ? `unchanged ${where}${issue}${warnings}` : null;
  }
}

/** The closing line, always printed: `sync: 3 created, 1 updated, 0 closed, 12 unchanged, 0 failed`. */
export function formatSummary(results: readonly OpResult[], extraFailures = 0): string {
  const s = summarize(results);
  const conflicts = s.conflicts > 0 ? `, ${s.conflicts} conflict${s.conflicts === 1 ? '' : 's'}` : '';
  return `sync: ${s.created} created, ${s.updated} updated, ${s.closed} closed, ${s.unchanged} unchanged, ${s.failed + extraFailures} failed${conflicts}`;
}
