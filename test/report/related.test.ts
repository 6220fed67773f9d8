/**
 * "Related incidents": the pure ranking over a folder, and the same list in
 * the report `build` writes and in `show` (Markdown and JSON), on a copy of
 * test/fixtures/report-tracker/ (every incident names `catalogue-api`; three
 * share a contributing factor worded slightly differently).
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findRelatedIncidents, MAX_RELATED } from '../../src/report/related.js';
import { runCliInProcess, scratchRepo } from '../cli/built-cli.js';

type Source = Parameters<typeof findRelatedIncidents>[0][number];

function incident(id: string, date: string, { services = [] as string[], tags = [] as string[], factors = [] as string[] } = {}): Source {
  return { id, title: `Title of ${id}`, date, file: `postmortems/${id}.yaml`, services, tags, rootCause: { contributingFactors: factors } };
}

describe('findRelatedIncidents', () => {
  it.each([
    [
      'a shared factor outweighs a shared service, which outweighs a tag',
      [
        incident('a', '2024-01-01', { services: ['api'], tags: ['deploy'], factors: ['No canary stage'] }),
        incident('b', '2024-02-01', { tags: ['deploy'] }),
        incident('c', '2024-03-01', { services: ['api'] }),
        incident('d', '2024-01-15', { factors: ['No canary stages.'] }),
      ],
      'a',
      ['d factor:No canary stage', 'c service:api', 'b tag:deploy'],
    ],
    [
      'ties go to the newer incident; one with nothing shared is left out',
      [
        incident('a', '2024-01-01', { services: ['api'] }),
        incident('b', '2024-02-01', { services: ['api'] }),
        incident('c', '2024-03-01', { services: ['api'] }),
        incident('d', '2024-04-01', { services: ['web'] }),
      ],
      'a',
      ['c service:api', 'b service:api'],
    ],
    ['an incident sharing nothing has none', [incident('a', '2024-01-01', { services: ['api'] }), incident('b', '2024-01-02', { services: ['web'] })], 'a', []],
  ])('%s', (_, incidents, id, expected) => {
    const related = findRelatedIncidents(incidents).get(id) ?? [];
    expect(related.map((other) => `${other.id} ${other.shared.map((s) => `${s.kind}:${s.name}`).join(' ')}`)).toEqual(expected);
  });

  it(`lists at most ${MAX_RELATED}, the newest first`, () => {
    const incidents = Array.from({ length: 8 }, (_, i) => incident(`i${i}`, `2024-01-0${i + 1}`, { tags: ['shared'] }));
    expect(
      findRelatedIncidents(incidents)
        .get('i0')!
        .map((other) => other.id),
    ).toEqual(['i7', 'i6', 'i5', 'i4', 'i3']);
  });
});

describe('related incidents in build and show', () => {
  const cleanups: Array<() => Promise<void>> = [];
  afterEach(async () => {
    await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
  });

  async function fixture(output: string | null): Promise<string> {
    const repo = await scratchRepo({
      'test/fixtures/report-tracker/postmortems': 'postmortems',
      'test/fixtures/report-tracker/postmortem.config.yaml': 'postmortem.config.yaml',
    });
    cleanups.push(repo.cleanup);
    await rm(path.join(repo.dir, 'postmortems/2025-02-30-broken.yaml'));
    if (output) await writeFile(path.join(repo.dir, 'postmortem.config.yaml'), `output: ${output}\n`, { flag: 'a' });
    return repo.dir;
  }

  it.each([
    ['beside the YAML files', null, 'postmortems'],
    ['in a reports folder', 'reports', 'reports'],
  ])('show prints the report build wrote, related incidents included (reports %s)', async (_, output, folder) => {
    const dir = await fixture(output);
    expect((await runCliInProcess(['build'], dir)).code).toBe(0);
    const built = await readFile(path.join(dir, folder, '2025-01-20-checkout-hostile-text.md'), 'utf8');
    expect(built).toContain(
      '## Related incidents\n\nOther incidents that share a contributing factor, a service or a tag with this one.\n\n' +
        '- [Catalogue images missing after a storage migration](2025-05-12-catalogue-draft.md) (2025-05-12): factor Bulk updates share one queue with live updates, service catalogue-api\n' +
        '- [Search results lagged behind the catalogue by two hours](2024-08-05-search-index-lag.md) (2024-08-05): factor Bulk updates share one queue with live updates, service catalogue-api\n' +
        '- [Payment timeouts during the clock change](2024-11-03-payments-timeouts-dst.md) (2024-11-03): service catalogue-api\n',
    );
    const shown = await runCliInProcess(['show', 'postmortems/2025-01-20-checkout-hostile-text.yaml'], dir);
    expect(shown).toEqual({ code: 0, stdout: built, stderr: '' });
  });

  it('escapes a related title in the list', async () => {
    const dir = await fixture(null);
    const { stdout } = await runCliInProcess(['show', 'postmortems/2024-08-05-search-index-lag.yaml'], dir);
    expect(stdout).toContain(
      '- [Checkout \\| cart \\<script>alert(1)\\</script> and \\`code\\` for @everyone](2025-01-20-checkout-hostile-text.md) (2025-01-20): factor',
    );
  });

  it('show --format json carries the same list', async () => {
    const dir = await fixture('reports');
    const { stdout, code } = await runCliInProcess(['show', 'postmortems/2024-08-05-search-index-lag.yaml', '--format', 'json'], dir);
    expect(code).toBe(0);
    const listed = (id: string, title: string, shared: Array<{ kind: string; name: string }>) => ({
      id,
      title,
      date: id.slice(0, 10),
      file: `postmortems/${id}.yaml`,
      report: `reports/${id}.md`,
      shared,
    });
    const service = { kind: 'service', name: 'catalogue-api' };
    const factor = { kind: 'factor', name: 'Bulk updates share one queue with live updates' };
    expect(JSON.parse(stdout).related).toEqual([
      listed('2025-05-12-catalogue-draft', 'Catalogue images missing after a storage migration', [factor, service]),
      listed('2025-01-20-checkout-hostile-text', 'Checkout | cart <script>alert(1)</script> and `code` for @everyone', [factor, service]),
      listed('2024-11-03-payments-timeouts-dst', 'Payment timeouts during the clock change', [service]),
    ]);
  });
});
