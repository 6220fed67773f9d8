/**
 * The committed bundle is what the sources build to: a runner executes
 * action/dist/index.js as committed, so a stale bundle would run old code.
 * Rebuild it with `npm run bundle` and commit it.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { BUNDLE, buildActionBundle } from '../../scripts/bundle-action.js';

describe('action/dist/index.js', () => {
  it('is current (run `npm run bundle` and commit it when this fails)', async () => {
    const committed = await readFile(BUNDLE, 'utf8');
    const fresh = await buildActionBundle();
    expect(committed === fresh, 'action/dist/index.js is stale: run `npm run bundle` and commit it').toBe(true);
  });

  it("reads none of yaml's per-token debug switches from the environment (scripts/esbuild-options.ts fixes them off)", async () => {
    const committed = await readFile(BUNDLE, 'utf8');
    const cli = await readFile(new URL('../../dist/bin/report.cjs', import.meta.url), 'utf8');
    for (const bundle of [committed, cli]) expect(bundle).not.toMatch(/env\.LOG_(TOKENS|STREAM)/);
  });

  it('is what action.yml runs, on node24', async () => {
    const manifest = await readFile(new URL('../../action.yml', import.meta.url), 'utf8');
    expect(manifest).toMatch(/^runs:\n {2}using: node24\n {2}main: action\/dist\/index\.js$/m);
  });
});
