import { measureViewsOpenCost } from './views-open-cost.js';

/**
 * Entry of the views.open cost process: `node dist/bench/run-views-open-cost.js <apiUrl> <calls>`.
 * Its own process, so the stand-in's CPU (in the orchestrator) is not counted. Prints one JSON line.
 */
const [apiUrl, calls] = process.argv.slice(2);
measureViewsOpenCost(apiUrl ?? '', Number(calls ?? 2000)).then(
  (cost) => {
    process.stdout.write(`${JSON.stringify(cost)}\n`, () => process.exit(0));
  },
  (error: unknown) => {
    process.stderr.write(
      `views-open-cost: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exit(1);
  },
);
