/**
 * Every lint rule's metadata in one table: default severity, why the finding
 * hurts a blameless review, a systemic rewrite, and the documented good and
 * bad examples (which run as tests). The runner stamps this metadata onto
 * findings, so the grammar code only says where a rule matched.
 *
 * @example
 * RULES['blame/judgement'].severity // 'error'
 */
import type { Severity } from './diagnostic.js';

export interface RuleInfo {
  id: string;
  severity: Severity;
  /** One line: what the rule catches. */
  summary: string;
  /** Why it hurts a blameless review; the diagnostic's message ends with it. */
  why: string;
  /** A systemic rewrite offered as the suggestion. */
  suggestion: string;
  /** Sentences the rule must flag and must leave alone (doc examples, run as tests). */
  bad: readonly string[];
  good: readonly string[];
}

const DOCS = 'docs/lint.md';

export const BLAME_RULES = [
  'blame/person-as-cause',
  'blame/counterfactual',
  'blame/human-error',
  'blame/judgement',
  'blame/punitive',
  'blame/hindsight',
  'blame/vague-action',
] as const;
export type BlameRuleId = (typeof BLAME_RULES)[number];

export const RULES: Record<string, RuleInfo> = {
  'blame/person-as-cause': {
    id: 'blame/person-as-cause',
    severity: 'warning',
    summary: 'a person or team as the agent of a failure',
    why: 'naming a person as the cause stops the review at "who" instead of "what allowed it"',
    suggestion: 'Describe what the system allowed: "the deploy pipeline let an unreviewed migration reach production".',
    bad: ['Kim took down the payment API.', 'The platform team let the certificate lapse.'],
    good: ['Kim declared the incident.', 'The scheduler killed the pod.'],
  },
  'blame/counterfactual': {
    id: 'blame/counterfactual',
    severity: 'warning',
    summary: 'what someone should or could have done, or failed to do',
    why: 'counterfactuals judge a past choice with knowledge nobody had at the time',
    suggestion: 'Say what made the step hard to do: "nothing in the review showed the missing index".',
    bad: ['The reviewer ought to have caught the missing index.', 'Sam forgot to update the firewall rules.'],
    good: ['The probe failed to connect.', 'A canary stage could have limited the impact.'],
  },
  'blame/human-error': {
    id: 'blame/human-error',
    severity: 'error',
    summary: 'human, operator or user error named as a cause',
    why: '"human error" is where an investigation starts, not a cause: it hides the conditions that made the error likely',
    suggestion: 'Name the condition that made the slip possible: "the CLI accepted a region name that does not exist".',
    bad: ['Root cause: human error.', 'The outage was due to operator error.'],
    good: ['The human-readable error message was truncated.', 'The on-call operator acknowledged the page.'],
  },
  'blame/judgement': {
    id: 'blame/judgement',
    severity: 'warning',
    summary: 'judgemental words about people or their work',
    why: 'judgemental words make people defend themselves instead of explaining what they saw',
    suggestion: 'Describe the action and its context neutrally: "the migration ran without a rollback plan".',
    bad: ['The change was careless.', "Lee's sloppy migration left the index half-built."],
    good: ['Lazy loading delayed reading the config.', 'The sloppy quorum accepted writes on other nodes.'],
  },
  'blame/punitive': {
    id: 'blame/punitive',
    severity: 'error',
    summary: 'punishment as an outcome of the incident',
    why: 'punishment teaches people to hide problems, and the next review learns less',
    suggestion: 'Replace punishment with a change to the system: "add a deploy lock to the pipeline".',
    bad: ['The engineer was reprimanded.', 'Jordan was written up after the incident.'],
    good: ['The alert fired at 10:03.', 'The timeline was written up by Dana.'],
  },
  'blame/hindsight': {
    id: 'blame/hindsight',
    severity: 'warning',
    summary: 'hindsight and minimising words',
    why: 'what is obvious after the fact was not obvious during the incident; saying so hides why',
    suggestion: 'Say what the responders saw at the time: "the dashboard did not show replica lag".',
    bad: ['Obviously the config was wrong.', 'It was clear that the migration would lock the table.'],
    good: ['There was no obvious signal in the metrics.', 'The client simply retries forever.'],
  },
  'blame/vague-action': {
    id: 'blame/vague-action',
    severity: 'warning',
    summary: 'action items that ask people to try harder',
    why: 'asking people to be more careful changes nothing the next person will meet',
    suggestion: 'Change the system instead: "add a CI check that validates the config".',
    bad: ['Double-check configs in future.', 'Remind staff to follow the process.'],
    good: ['Add a CI check that double-checks the migration plan.', 'Alert when certificates are within 14 days of expiry.'],
  },
  'blame/custom': {
    id: 'blame/custom',
    severity: 'warning',
    summary: 'a team-specific phrase from the configuration',
    why: 'your team asked to flag this phrase',
    suggestion: '',
    bad: [],
    good: [],
  },
  'blame/model': {
    id: 'blame/model',
    severity: 'warning',
    summary: 'a sentence the blame model reads as blaming, though no rule matched',
    why: 'the statistical second stage found words that usually come with blame (always a warning: it is a guess, and never blocks)',
    suggestion: '',
    bad: [],
    good: [],
  },
  'blame/unused-suppression': {
    id: 'blame/unused-suppression',
    severity: 'warning',
    summary: 'a suppression comment that suppresses nothing',
    why: 'stale suppressions hide future findings',
    suggestion: 'Remove the comment.',
    bad: [],
    good: [],
  },
  'structure/action-owner': structure('an action item without an owner', 'an action nobody owns is not done', 'Add `owner:` (a person or team).'),
  'structure/action-deadline': structure('an action item without a deadline', 'an action without a date drifts', 'Add `deadline: YYYY-MM-DD`.'),
  'structure/contributing-factors': structure(
    'no contributing factors',
    'a single cause hides the conditions that let it happen',
    'List them under `root_cause.contributing_factors`.',
  ),
  'structure/metrics': structure(
    'no `detect` or `resolve` event in the timeline',
    'time to detect and time to resolve cannot be computed',
    'Mark the events with `type: detect` and `type: resolve`.',
  ),
  'structure/impact-number': structure(
    'impact without a number',
    'impact without a figure cannot be compared across incidents',
    'Add `users_affected`, `requests_failed_pct` or a number in the description.',
  ),
  'structure/lessons': structure('no lessons learned', 'the review exists to learn', 'Add at least one entry under `lessons`.'),
};

function structure(summary: string, why: string, suggestion: string): RuleInfo {
  return { id: '', severity: 'warning', summary, why, suggestion, bad: [], good: [] };
}
for (const [id, info] of Object.entries(RULES)) info.id = id;

/** Where each rule is documented (diagnostic `url`, SARIF help): the heading anchors of docs/lint.md. */
export function ruleUrl(id: string): string {
  if (id.startsWith('structure/')) return `${DOCS}#completeness-structure-warning`;
  if (id === 'blame/custom' || id === 'blame/unused-suppression') return `${DOCS}#blamecustom-warning-and-blameunused-suppression-warning`;
  return `${DOCS}#${id.replace('/', '')}-${RULES[id]?.severity ?? 'warning'}`;
}
