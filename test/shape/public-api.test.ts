/**
 * The package's public API, pinned: the names `import('postmortem')` gives
 * (the built entry `dist/index.js`, as published). Moving code between folders
 * must not change this list by accident; a deliberate change edits it here.
 * `npm test` builds dist/ first (run `npx tsc -p .` when running this file alone).
 */
import { describe, expect, it } from 'vitest';

const PUBLIC_API = [
  'DEFAULT_CONFIG',
  'LINT_RULES',
  'applyBuild',
  'applyReport',
  'applySync',
  'buildSkeleton',
  'buildTracker',
  'checkConfig',
  'checkIncident',
  'checkIncidentData',
  'collectSyncItems',
  'compareDiagnostics',
  'computeMetrics',
  'configJsonSchema',
  'createDiagnostic',
  'createGithubTracker',
  'diskLogReader',
  'formatDiagnostics',
  'formatFieldPath',
  'hasErrors',
  'importMarkdown',
  'importWorkflow',
  'incidentJsonSchema',
  'incidentToJson',
  'lintIncidentSource',
  'lintMarkdown',
  'lintProse',
  'loadTemplates',
  'locatePath',
  'normaliseMarkdown',
  'openWorkspace',
  'parseYamlSource',
  'planBuild',
  'planReport',
  'planSync',
  'renderReport',
  'renderTracker',
  'retextPostmortem',
  'runCli',
  'spliceItemFields',
  'summarizeSync',
  'timelineWorkflow',
];

describe('public API', () => {
  it('exports exactly the pinned names', async () => {
    const entry = (await import('../../dist/index.js')) as Record<string, unknown>;
    expect(Object.keys(entry).sort()).toEqual(PUBLIC_API);
  });

  it.each(PUBLIC_API)('%s is defined', async (name) => {
    const entry = (await import('../../dist/index.js')) as Record<string, unknown>;
    expect(entry[name]).toBeDefined();
  });
});
