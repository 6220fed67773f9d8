import { describe, expect, it } from 'vitest';
import { buildIssueBody, fileUrl, fitBody, MAX_BODY_LENGTH } from '../../src/sync/issue-body.js';
import { formatMarker, parseMarker } from '../../src/sync/marker.js';
import type { SyncItem } from '../../src/sync/sync-item.js';

const item: SyncItem = {
  file: 'postmortems/a.yaml',
  incidentId: 'a',
  incidentTitle: 'Outage <script>alert(1)</script>',
  severity: 'SEV1',
  date: '2024-01-01',
  index: 0,
  actionId: 'x',
  action: 'Ask @bob to add a check',
  owner: '@carol',
  deadline: null,
  status: 'open',
  priority: null,
  type: null,
  issue: null,
};

describe('issue body', () => {
  it('golden: the whole body for an item with markup, mentions and a table pipe', async () => {
    const tricky = {
      ...item,
      action: 'Alert *loudly* when | p99 > 2s, cc @sre-team <img src=x onerror=alert(1)>',
      deadline: '2024-02-01',
      priority: 'P1' as const,
      type: 'detect' as const,
    };
    await expect(buildIssueBody(tricky, 'in-progress')).toMatchFileSnapshot('golden/issue-body.md');
  });

  it('never lets user text mention people or inject HTML', () => {
    const body = buildIssueBody(item, 'open');
    expect(body).not.toMatch(/@(bob|carol)/);
    expect(body).not.toContain('<script>');
    expect(parseMarker(body)).toEqual({ incident: 'a', action: 'x', status: 'open' });
  });

  it('shortens a body past the limit and keeps the marker whole', () => {
    const marker = formatMarker({ incident: 'a', action: 'x', status: 'done' });
    const body = fitBody('word '.repeat(20_000), marker);
    expect(body.length).toBeLessThanOrEqual(MAX_BODY_LENGTH);
    expect(body).toContain('(shortened');
    expect(parseMarker(body)?.status).toBe('done');
  });

  it('a marker cannot be closed early by an id containing -->', () => {
    const marker = formatMarker({ incident: 'a-->b', action: 'x', status: 'open' });
    expect(marker.match(/-->/g)).toHaveLength(1);
    expect(parseMarker(marker)?.incident).toBe('a-->b');
  });

  it.each([
    ['postmortems/2024-03-01-x.yaml', 'main', 'https://github.com/acme/platform/blob/main/postmortems/2024-03-01-x.yaml'],
    ['postmortems/db (eu) #2.yaml', 'main', 'https://github.com/acme/platform/blob/main/postmortems/db%20%28eu%29%20%232.yaml'],
    ['postmortems/障害.yaml', 'release/2024', 'https://github.com/acme/platform/blob/release/2024/postmortems/%E9%9A%9C%E5%AE%B3.yaml'],
    ['../elsewhere/x.yaml', 'main', null],
    ['/tmp/x.yaml', 'main', null],
  ])('links %s on branch %s', (file, defaultBranch, expected) => {
    expect(fileUrl({ webUrl: 'https://github.com/acme/platform', defaultBranch }, file)).toBe(expected);
  });

  it('names the file from the top of the repository when the workspace is a folder inside it', () => {
    const repository = { webUrl: 'https://github.com/acme/platform', defaultBranch: 'main', pathPrefix: 'ops/incidents team/' };
    expect(fileUrl(repository, 'postmortems/a.yaml')).toBe('https://github.com/acme/platform/blob/main/ops/incidents%20team/postmortems/a.yaml');
  });

  it('links the file name back to the post-mortem on the default branch', () => {
    const body = buildIssueBody(item, 'open', { webUrl: 'https://ghe.example.com/acme/platform', defaultBranch: 'trunk' });
    expect(body).toContain(
      '- Post-mortem: [`postmortems/a.yaml`](https://ghe.example.com/acme/platform/blob/trunk/postmortems/a.yaml) (incident `a`, action `x`)',
    );
  });
});
