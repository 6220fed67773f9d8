/**
 * One tracker run in a fresh process (so peak memory belongs to this N):
 * check every incident, build the page and write it, then print figures as JSON.
 */
import { openWorkspace } from '../src/io/workspace.js';
import { benchWorkspaceOptions } from './pool-options.js';
import { applyReport, planReport } from '../src/workflows/report.js';

const root = process.argv[2]!;
const format = (process.argv[3] ?? 'md') as 'md' | 'json';
const start = performance.now();
const cpuStart = process.cpuUsage();
const { workspace } = await openWorkspace(root, benchWorkspaceOptions());
const { plan } = await planReport(workspace!, { out: format === 'md' ? null : 'report.json', format, now: new Date('2025-07-01T00:00:00Z'), check: false });
if (!plan) throw new Error('report plan failed');
await applyReport(workspace!, plan);
const ms = performance.now() - start;
const cpu = process.cpuUsage(cpuStart);
console.log(
  JSON.stringify({
    ms,
    cpuMs: (cpu.user + cpu.system) / 1000,
    incidents: plan.report.totals.incidents,
    failed: plan.report.unreadable.length,
    bytes: plan.text.length,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
  }),
);
