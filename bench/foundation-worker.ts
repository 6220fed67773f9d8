/**
 * One benchmark run in a fresh process (so peak memory belongs to this N):
 * validate and build every incident in the folder, then print figures as JSON.
 */
import { applyBuild, planBuild } from '../src/workflows/build.js';
import { openWorkspace } from '../src/io/workspace.js';

const root = process.argv[2]!;
const start = performance.now();
const { workspace } = await openWorkspace(root);
const { items } = await planBuild(workspace!, [], { outDir: null });
if (!items) throw new Error('nothing to build');
const { written } = await applyBuild(workspace!, items);
const ms = performance.now() - start;
const failed = items.filter((item) => item.state === 'failed').length;
console.log(JSON.stringify({ ms, written, failed, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
