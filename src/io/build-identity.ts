/**
 * The identity of the tool build running: a digest of its sources, embedded
 * by the CLI bundle (`scripts/bundle-cli.ts` defines `__POSTMORTEM_BUILD__`).
 * It is part of every check cache key, so results of one build are never
 * served by another. Run from source (tsx, vitest) there is none, and the
 * cache is off unless a test passes one.
 */
declare const __POSTMORTEM_BUILD__: string | undefined;

export function embeddedBuildIdentity(): string | null {
  return typeof __POSTMORTEM_BUILD__ === 'string' && __POSTMORTEM_BUILD__ !== '' ? __POSTMORTEM_BUILD__ : null;
}
