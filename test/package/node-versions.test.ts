/**
 * `npm ci` warns (EBADENGINE) when a locked package asks for a Node version
 * the project says it supports but the package does not. This checks every
 * package in package-lock.json against the lowest release of each Node line
 * that `engines.node` in package.json (and the README) promises.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import semver from 'semver';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../cli/built-cli.js';

interface LockedPackage {
  version?: string;
  engines?: { node?: string } | string[];
}

const manifest = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { engines: { node: string } };
const lock = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockedPackage> };
/** The first release of each line the promise covers, and the newest LTS lines. */
const promised = ['20.19.0', '22.13.0', '24.0.0'];

describe('supported Node versions', () => {
  it.each(promised)('package.json promises Node %s', (version) => {
    expect(semver.satisfies(version, manifest.engines.node)).toBe(true);
  });

  it('the README says the same as engines.node', () => {
    const readme = readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
    expect(readme).toContain('Requires Node.js 20.19 or later on the 20 line, or 22.13 or later');
  });

  it.each(promised)('every locked package runs on Node %s (npm ci prints no EBADENGINE)', (version) => {
    const refusing = Object.entries(lock.packages)
      .filter(([name, entry]) => name !== '' && !Array.isArray(entry.engines) && entry.engines?.node !== undefined)
      .filter(([, entry]) => !semver.satisfies(version, (entry.engines as { node: string }).node))
      .map(([name, entry]) => `${name}@${entry.version ?? '?'} wants node ${(entry.engines as { node: string }).node}`);
    expect(refusing).toEqual([]);
  });
});
