/**
 * Which incident field a Markdown heading stands for, matched without case
 * and with the synonyms teams use ("What happened", "Trigger",
 * "Follow-ups", "What went well", "Where we got lucky"). Order matters: the
 * first pattern that matches wins, so "Summary of impact" is impact and
 * "Root cause of the outage" is the root cause.
 *
 * @example
 * classifyHeading('Follow-ups')          // → 'action_items'
 * classifyHeading('What went well?')     // → 'lessons'
 * classifyHeading('Background')          // → null (kept under x-unmapped)
 */
export type SectionField = 'summary' | 'impact' | 'timeline' | 'root_cause' | 'contributing_factors' | 'resolution' | 'action_items' | 'lessons';

const PATTERNS: ReadonlyArray<readonly [SectionField, RegExp]> = [
  ['contributing_factors', /\bcontributing (factors?|causes?)\b|\bcontributors?\b/],
  [
    'lessons',
    /\blessons?\b|\blearn(ed|ings?)\b|\btakeaways?\b|\bwent (well|badly|poorly|wrong)\b|\b(go|gone|going) (well|better|badly)\b|\bgot lucky\b|\bthings that went\b|\bretrospective\b|\breflections?\b/,
  ],
  [
    'action_items',
    /\baction items?\b|\bactions?\b|\bfollow[- ]?ups?\b|\bnext steps\b|\bcorrective\b|\bprevent(ive|ion|ing)\b|\brepair items?\b|\bwhat (we are|we're|is being) (doing|done)\b|\bbeing done\b|\bimprovements?\b|\bmoving forward\b|\bto ?dos?\b/,
  ],
  ['timeline', /\btimeline\b|\bchronolog(y|ical)\b|\bsequence of events\b|\bevent log\b/],
  ['root_cause', /\broot[- ]causes?\b|\bcauses?\b|\btrigger(s|ed)?\b|\bwhy did (it|this)\b|\bhow did (it|this) happen\b|\bwhat went wrong\b/],
  ['impact', /\bimpact(s|ed)?\b|\baffected\b|\bscope\b|\bwho was affected\b/],
  [
    'resolution',
    /\bresolution\b|\bresolved?\b|\bmitigation\b|\bmitigat(e|ed|ing)\b|\bremediation\b|\brecovery\b|\bfix(es|ed)?\b|\bresponse\b|\bsolving\b|\bworkaround\b/,
  ],
  ['summary', /\bsummary\b|\boverview\b|\btl;? ?dr\b|\bwhat happened\b|\bdescription\b|\bintroduction\b|\bdetails\b|\bsynopsis\b|\bincident report\b/],
];

/** Lowercased, links and punctuation gone, whitespace collapsed. */
export function normalizeHeading(text: string): string {
  return text
    .toLowerCase()
    .replace(/\([^)]*https?:[^)]*\)/g, ' ')
    .replace(/[’']/g, "'")
    .replace(/[^\p{L}\p{N}';&/ -]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function classifyHeading(text: string): SectionField | null {
  const normalized = normalizeHeading(text);
  for (const [field, pattern] of PATTERNS) if (pattern.test(normalized)) return field;
  return null;
}

/** Headings whose lists are lessons one item each; the others ("What went well") keep their heading as the lesson's title. */
export function isPlainLessonsHeading(text: string): boolean {
  return /^(lessons?( learned| learnt)?|learnings?|key learnings?|takeaways?|key takeaways?)$/.test(normalizeHeading(text));
}
