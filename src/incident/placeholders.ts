/**
 * The text `new` writes where the author has something to say, and the text
 * `import` writes where the Markdown said nothing. Both are drafts' words:
 * validation reads this table to tell a `published` incident that still holds
 * one of them (an error) from a finished one, so the skeleton and the check
 * can never drift apart.
 *
 * @example
 * SKELETON_PLACEHOLDERS.summary // 'Describe what happened, the impact, and how it ended.'
 */

/** The skeleton's placeholder of each prose field, by field path. */
export const SKELETON_PLACEHOLDERS = {
  summary: 'Describe what happened, the impact, and how it ended.',
  'impact.description': 'Describe who was affected and how.',
  'timeline[0].event': 'Describe the first user-visible effect',
  'root_cause.immediate': 'Describe the immediate technical cause.',
  resolution: 'Describe how the incident was resolved.',
} as const;

/** What `import` writes for a required field the Markdown did not state. */
export const IMPORT_PLACEHOLDER = 'Not stated in the imported post-mortem; fill this in.';

const PLACEHOLDER_TEXTS: ReadonlySet<string> = new Set([...Object.values(SKELETON_PLACEHOLDERS), IMPORT_PLACEHOLDER]);

/** True when `text` (as YAML read it: a folded scalar ends with a newline) is a placeholder left as written. */
export function isPlaceholderText(text: string): boolean {
  return PLACEHOLDER_TEXTS.has(text.trim());
}
