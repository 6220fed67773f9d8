/**
 * The level of the configured severity scale that a wrong severity most
 * likely means, read by its digits: `2`, `"2"`, `P2`, `sev 2` all mean `SEV2`
 * on the default scale (and `SEV2` means `P2` on a scale of P0..P3). Shared by
 * the schema's message for `severity: 2` (a number) and the scale rule for
 * text that is not on the scale, so both suggest the same level.
 *
 * @example
 * severityAdvice('P2', ['SEV1', 'SEV2', 'SEV3']) // → { level: 'SEV2', note: 'Write `severity: SEV2`: the scale is …' }
 * severityNumberAdvice(2, ['SEV1', 'SEV2', 'SEV3']).suggestions // → ['SEV2']
 * severityAdvice('high', ['SEV1', 'SEV2']) // → null
 */

const digitsOf = (text: string) => text.replace(/\D/g, '');

/** The one level whose digits are the value's digits, or null when none or several are. */
export function levelByDigits(value: string | number, scale: readonly string[]): string | null {
  const digits = digitsOf(String(value));
  if (digits === '') return null;
  const levels = scale.filter((level) => digitsOf(level) !== '' && Number(digitsOf(level)) === Number(digits));
  return levels.length === 1 ? levels[0]! : null;
}

const scaleText = (scale: readonly string[]) => `the scale is ${scale.join(', ')} (\`severities\` in postmortem.config.yaml)`;

/** For text off the scale: the level its digits name and the hint that suggests it, or null when they name none. */
export function severityAdvice(value: string, scale: readonly string[]): { level: string; note: string } | null {
  const level = levelByDigits(value, scale);
  return level === null ? null : { level, note: `Write \`severity: ${level}\`: ${scaleText(scale)}.` };
}

/**
 * For `severity: 2`, a number to YAML: the hint names the level its digits stand for, else the scale.
 * Quoting it, the generic hint for a number where text belongs, would only lead to "not on the scale".
 */
export function severityNumberAdvice(value: number, scale: readonly string[]): { note: string; suggestions: string[] } {
  const level = levelByDigits(value, scale);
  const read = 'YAML read this as a number, but a severity is a level of the scale';
  if (level === null) return { note: `${read}: ${scaleText(scale).replace(/^the scale is /, '')}.`, suggestions: [] };
  return { note: `${read}: write \`severity: ${level}\`; ${scaleText(scale)}.`, suggestions: [level] };
}
