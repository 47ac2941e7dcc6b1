// Docker HEALTHCHECK: the bot (and "all") answer GET /healthz, which is 200 only when Redis answers.
// A worker has no HTTP listener; it is healthy while its process runs (Docker restarts it on exit),
// and its progress shows in the bot's /metrics (queue depth, wait time).
import { readFileSync } from 'node:fs';

/** The role node was started with (entrypoint.sh execs `node dist/src/main.js <role>` as PID 1). */
function readRole() {
  try {
    const argv = readFileSync('/proc/1/cmdline', 'utf8').split('\0');
    const script = argv.indexOf('dist/src/main.js');
    return (script >= 0 && argv[script + 1]) || 'all';
  } catch {
    return 'all';
  }
}

if (readRole() === 'worker') process.exit(0);

const port = process.env.PORT || '3000';
try {
  const response = await fetch(`http://127.0.0.1:${port}/healthz`, {
    signal: AbortSignal.timeout(4000),
  });
  process.exit(response.ok ? 0 : 1);
} catch {
  process.exit(1);
}
