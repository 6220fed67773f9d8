/**
 * The tracker's result, which is also the JSON of `report --format json`
 * (documented in docs/report.md): snake_case keys, metrics in whole seconds
 * as in `show --format json`, dates as YYYY-MM-DD, `null` where unknown.
 */
import type { PolicyRuleId } from './policies.js';
import type { Summary } from './statistics.js';
import type { PeriodTrend } from './trends.js';

export interface ActionCounts {
  total: number;
  open: number;
  in_progress: number;
  done: number;
  wont_do: number;
}

export interface IndexEntry {
  id: string;
  file: string;
  /** Link to the rendered report, relative to the page. */
  report: string;
  title: string;
  date: string;
  severity: string;
  status: 'draft' | 'in-review' | 'published';
  services: string[];
  tags: string[];
  metrics: {
    time_to_detect: number | null;
    time_to_acknowledge: number | null;
    time_to_mitigate: number | null;
    time_to_resolve: number | null;
    duration: number | null;
  };
  /** When it was published: the `published_on` field, else the first commit that set `status: published`. */
  published_on: string | null;
  published_from: 'field' | 'git' | null;
  /** Days from the resolve event (its date in the incident's zone) to publication; null when unknown. */
  review_lag_days: number | null;
  action_items: ActionCounts;
}

export interface ActionRef {
  incident: string;
  file: string;
  /** The item's `id`, else its position as `action_items[2]`. */
  id: string;
  action: string;
  owner: string | null;
  deadline: string | null;
  status: 'open' | 'in-progress' | 'done' | 'wont-do';
  issue: number | null;
  /** Link to the GitHub issue when `sync.repo` is configured and sync wrote a number back. */
  issue_url: string | null;
}

export interface OverdueItem extends ActionRef {
  deadline: string;
  days_overdue: number;
}

export interface DeclinedItem extends ActionRef {
  reason: string | null;
}

export interface QuarterCompletion extends ActionCounts {
  period: string;
  /** done ÷ (total − wont_do); null when nothing is left to complete. */
  completion_rate: number | null;
}

export interface Cluster {
  name: string;
  /** Incident ids, newest first. */
  incidents: string[];
}

export interface TrackerReport {
  /** The day overdue items are counted against (`--now`), YYYY-MM-DD. */
  as_of: string;
  totals: { incidents: number; published: number; in_review: number; draft: number; unreadable: number };
  /** Every readable incident, newest first. */
  incidents: IndexEntry[];
  trends: { months: PeriodTrend[]; quarters: PeriodTrend[]; review_lag_days: Summary };
  action_items: {
    counts: ActionCounts;
    completion_by_quarter: QuarterCompletion[];
    /** Deadline passed and not done or declined, oldest deadline first. */
    overdue: OverdueItem[];
    no_owner: ActionRef[];
    no_deadline: ActionRef[];
    declined: DeclinedItem[];
  };
  clusters: {
    services: Cluster[];
    tags: Cluster[];
    /** Contributing factors seen in two or more incidents, near-duplicates grouped. */
    factors: Array<{ factor: string; variants: string[]; incidents: string[] }>;
  };
  policy_violations: Array<{ incident: string; file: string; rule_id: PolicyRuleId; path: string; message: string }>;
  /** Files left out of every figure, with their first error. */
  unreadable: Array<{ file: string; line: number | null; column: number | null; rule_id: string; message: string }>;
}
