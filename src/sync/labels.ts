/**
 * The label that groups one incident's issues. GitHub refuses label names
 * longer than 50 characters, and a plain cut would give two long incident ids
 * with a common beginning the same label (and one incident's label filter
 * would show the other's issues). A long label therefore keeps as much of its
 * beginning as fits and ends with a short hash of the whole name.
 *
 * @example
 * incidentLabel('incident:', '2024-03-01-db'); // 'incident:2024-03-01-db'
 * incidentLabel('incident:', 'a'.repeat(60));  // 'incident:' + 32 × 'a' + '-3241e988' (50 characters)
 */
import { createHash } from 'node:crypto';

/** GitHub's limit on a label name, in characters. */
export const MAX_LABEL_LENGTH = 50;
/** Hex digits of the hash: 32 bits, so two ids colliding by chance is not a practical worry. */
const HASH_DIGITS = 8;

/** `prefix` + `incidentId`, or, past the limit, its beginning + `-` + a hash of the whole. */
export function incidentLabel(prefix: string, incidentId: string): string {
  const full = `${prefix}${incidentId}`;
  // Counted in code points, as GitHub counts them; a cut never splits a surrogate pair.
  const characters = [...full];
  if (characters.length <= MAX_LABEL_LENGTH) return full;
  const hash = createHash('sha256').update(full).digest('hex').slice(0, HASH_DIGITS);
  const kept = characters.slice(0, MAX_LABEL_LENGTH - HASH_DIGITS - 1).join('');
  return `${kept}-${hash}`;
}
