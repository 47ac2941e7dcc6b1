/** `npm run bench`: being replaced by the user-facing benchmark (critical path, options, Slack budget, burst). */
process.stderr.write('bench: the benchmark is being rewritten; see docs/BENCHMARK.md\n');
process.exit(1);
