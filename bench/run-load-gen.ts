import { generateLoad, LoadGenArgs } from './load-gen.js';

/** Entry point of the load-generator process: `node dist/bench/run-load-gen.js '<json args>'`. */
const parsed = LoadGenArgs.safeParse(JSON.parse(process.argv[2] ?? '{}'));
if (!parsed.success) {
  process.stderr.write(`load-gen: bad arguments: ${parsed.error.message}\n`);
  process.exit(2);
}
generateLoad(parsed.data).then(
  (report) => {
    process.stdout.write(`${JSON.stringify(report)}\n`, () => process.exit(0));
  },
  (error: unknown) => {
    process.stderr.write(`load-gen: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
