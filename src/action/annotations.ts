/**
 * Which findings become annotations. GitHub shows only a limited number of
 * annotations of each kind per step and drops the rest silently, so the most
 * severe go first and the ones left out are counted for the job summary.
 *
 * @example
 * const { shown, omitted } = planAnnotations(diagnostics);
 * process.stdout.write(formatGithub(shown)); // summary: `${omitted.warning} more warnings`
 */
import { compareDiagnostics, type Diagnostic, type Severity } from '../diagnostics/diagnostic.js';

/** GitHub's per-step display limit for each annotation level (error, warning, notice). */
export const ANNOTATIONS_PER_LEVEL = 10;

export const SEVERITY_ORDER: readonly Severity[] = ['error', 'warning', 'info'];

export interface AnnotationPlan {
  /** Most severe first, then by file and position. */
  shown: Diagnostic[];
  /** How many of each severity did not fit. */
  omitted: Record<Severity, number>;
}

/** Orders by severity (errors first), then file and position: the order every Action output uses. */
export function compareBySeverity(a: Diagnostic, b: Diagnostic): number {
  return SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity) || compareDiagnostics(a, b);
}

/** Picks at most `perLevel` findings of each severity, most severe first. */
export function planAnnotations(diagnostics: readonly Diagnostic[], perLevel = ANNOTATIONS_PER_LEVEL): AnnotationPlan {
  const sorted = [...diagnostics].sort(compareBySeverity);
  const shown: Diagnostic[] = [];
  const omitted: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  const taken: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const diagnostic of sorted) {
    if (taken[diagnostic.severity] < perLevel) {
      taken[diagnostic.severity]++;
      shown.push(diagnostic);
    } else {
      omitted[diagnostic.severity]++;
    }
  }
  return { shown, omitted };
}
