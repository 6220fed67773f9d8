/**
 * Synthetic incidents for benchmarks: realistic size (about 3 KB) and shape,
 * varied by index so no two files are the same, all valid.
 */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** A temporary repository with `n` synthetic incidents in postmortems/; the caller removes it. */
export async function writeSyntheticRepo(n: number, label: string): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), `postmortem-${label}-${n}-`));
  await mkdir(path.join(root, 'postmortems'));
  for (let i = 0; i < n; i++) {
    const { name, yaml } = syntheticIncident(i);
    await writeFile(path.join(root, 'postmortems', `${name}.yaml`), yaml);
  }
  return root;
}
const SERVICES = ['checkout', 'search', 'payments', 'orders', 'identity', 'catalog', 'notifications'];
const ZONES = ['UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Tokyo'];

export function syntheticIncident(i: number): { name: string; yaml: string } {
  const service = SERVICES[i % SERVICES.length]!;
  const day = new Date(Date.UTC(2023, 0, 1) + (i % 700) * 86_400_000).toISOString().slice(0, 10);
  const minute = (n: number) => String(n % 60).padStart(2, '0');
  const name = `${day}-${service}-incident-${i}`;
  const yaml = `title: "${service} degraded (synthetic incident ${i})"
date: ${day}
timezone: ${ZONES[i % ZONES.length]}
severity: SEV${(i % 5) + 1}
status: published
authors: [author${i % 17}]
participants: [responder${i % 7}, responder${(i + 3) % 7}]
services: [${service}-service]
tags: [synthetic, benchmark]
summary: >
  A configuration change to ${service}-service reduced the connection pool size,
  and requests queued until they timed out. Error rates rose to ${(i % 30) + 2}% for
  about ${(i % 50) + 10} minutes until the change was reverted.
impact:
  description: >
    Requests to ${service} failed or were slow; customers saw errors on retry.
  users_affected: ${(i * 37) % 10_000}
  requests_failed_pct: ${(i % 30) + 2}
timeline:
  - time: "10:${minute(0)}"
    event: Configuration change rolled out to ${service}-service
    type: deploy
  - time: "10:05"
    event: Error rate rose above the alert threshold
    type: start
  - time: "10:${minute(8 + (i % 5))}"
    event: "Alert fired: ${service} error rate above 2%; on-call paged"
    type: detect
  - time: "10:${minute(14 + (i % 5))}"
    event: On-call acknowledged and opened the incident channel
    type: ack
  - time: "10:${minute(25 + (i % 10))}"
    event: Dashboards showed the connection pool saturated after the change
    type: note
  - time: "10:${minute(40 + (i % 10))}"
    event: Change reverted; error rate back to baseline
    type: mitigate
  - time: "11:${minute(10 + (i % 40))}"
    event: Stable for 30 minutes; incident resolved
    type: resolve
root_cause:
  immediate: The connection pool of ${service}-service was reduced from 50 to 5 connections.
  contributing_factors:
    - The configuration change was not covered by the load test
    - The pool size had no lower bound in the configuration schema
    - The rollout went to all instances at once
  five_whys:
    - Why did requests fail? They waited for a connection until the timeout.
    - Why was the pool small? A configuration change set it to 5.
    - Why was that accepted? The schema had no lower bound.
resolution:
  - Reverted the configuration change
  - Added a lower bound for the pool size
action_items:
  - id: pool-lower-bound-${i}
    action: Add a lower bound for the pool size to the configuration schema
    owner: "@owner${i % 11}"
    deadline: ${day}
    status: done
    priority: P1
    type: prevent
  - id: staged-config-${i}
    action: Roll configuration changes out in stages with automatic rollback
    owner: platform-team
    deadline: ${day}
    status: open
    priority: P2
    type: mitigate
lessons:
  - title: Configuration is code
    detail: Configuration changes need the same checks and staged rollout as code changes.
  - Load tests should cover configuration limits
`;
  return { name, yaml };
}
