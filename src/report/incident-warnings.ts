/**
 * The tracker's rules as warnings on one incident, for `validate`: a
 * `wont-do` action item without a `reason`, and any configured policy the
 * incident breaks, each at the field it concerns. Pure; the positions come
 * from the parsed source when there is one.
 *
 * @example
 * trackerWarnings(incident, source, policies, '2024-03-01')
 * // → [{ ruleId: 'schema/wont-do-reason', severity: 'warning', path: 'action_items[1].status', … }]
 */
import { createDiagnostic, formatFieldPath, type Diagnostic, type FieldPath } from '../diagnostics/diagnostic.js';
import { locatePath } from '../load/locate.js';
import type { YamlSource } from '../load/source.js';
import type { Incident } from '../incident/model.js';
import { checkPolicies, type Policies } from './policies.js';

/** Warnings for one valid incident; `today` (YYYY-MM-DD) enables the age limits. */
export function trackerWarnings(incident: Incident, source: YamlSource | null, policies: Policies, today: string | null): Diagnostic[] {
  const at = (path: FieldPath) => ({ file: incident.file, path: formatFieldPath(path), span: locatePath(source, path), severity: 'warning' as const });
  const diagnostics: Diagnostic[] = [];
  for (const item of incident.actionItems) {
    if (item.status !== 'wont-do' || item.reason !== null) continue;
    diagnostics.push(
      createDiagnostic({
        ...at(['action_items', item.index, 'status']),
        ruleId: 'schema/wont-do-reason',
        message: 'A `wont-do` action item has no `reason`',
        expected: 'a `reason:` saying why it will not be done',
        note: 'A declined action is a decision to review; the tracker lists the reasons.',
      }),
    );
  }
  for (const finding of checkPolicies(incident, policies, today)) {
    diagnostics.push(
      createDiagnostic({
        ...at(finding.path),
        ruleId: finding.ruleId,
        message: finding.message,
        note: 'The limit is set under `policies` in postmortem.config.yaml.',
      }),
    );
  }
  return diagnostics;
}
