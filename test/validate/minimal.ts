/**
 * The smallest valid incident, one field per line, so that a test case can
 * change one line and name the exact line and column it expects.
 */
export const MINIMAL = `title: Checkout errors
date: 2024-01-15
severity: SEV2
summary: Checkout failed for some users.
impact:
  description: 5% of requests failed
timeline:
  - time: "10:00"
    event: Errors began
    type: start
root_cause:
  immediate: A null pointer
resolution: Rolled back
action_items:
  - action: Add a test
lessons:
  - Canaries help
`;

/** MINIMAL with exact text replacements; throws when a search text is missing, so a case cannot silently test the base. */
export function edit(...replacements: Array<readonly [string, string]>): string {
  let text = MINIMAL;
  for (const [from, to] of replacements) {
    if (!text.includes(from)) throw new Error(`edit: \`${from}\` is not in MINIMAL`);
    text = text.replace(from, to);
  }
  return text;
}
