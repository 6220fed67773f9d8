/** The bundle's entry: runs the Action once. Kept apart from main.ts so tests can import main without running it. */
import { main } from './main.js';

await main();
