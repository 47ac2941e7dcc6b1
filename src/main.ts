import { ConfigError, readConfig } from './config.js';
import { createLogger, type Logger } from './logger.js';
import { createMetrics } from './observability/metrics.js';
import { serveMetrics } from './observability/serve-metrics.js';
import { readCliEnvironment, readSecretValues } from './process-env.js';
import { pinSecrets } from './redact.js';
import { startBotRuntime } from './runtime/start-bot.js';
import { startWorkerRuntime } from './runtime/start-worker.js';

/** The composition root: `node dist/src/main.js all|bot|worker`. */
const ROLES = ['all', 'bot', 'worker'] as const;
type Role = (typeof ROLES)[number];

/** What to close on SIGTERM, filled as the parts start (a signal during start-up waits for them). */
const stops: Array<() => Promise<void>> = [];

async function main(argv: readonly string[]): Promise<Logger> {
  const role = (argv[0] ?? 'all') as Role;
  if (!ROLES.includes(role))
    throw new ConfigError(`unknown role "${role}": use all, bot or worker`);
  const config = readConfig();
  // Every secret value of the environment is redacted by value wherever it goes, whatever its field.
  pinSecrets(readSecretValues());
  const logger = createLogger({ level: config.LOG_LEVEL, name: `eas-deploy-${role}` });
  const metrics = createMetrics();
  const cliEnv = readCliEnvironment(process.env, config);
  let preflight: { ok: boolean; problems: readonly string[] } = { ok: true, problems: [] };
  if (role !== 'bot') {
    const worker = startWorkerRuntime({ config, logger, metrics, cliEnv });
    worker.preflight.then((p) => {
      preflight = p;
    });
    stops.push(() => worker.stop());
    if (role === 'worker' && config.WORKER_METRICS_PORT !== undefined) {
      const server = await serveMetrics(metrics, { port: config.WORKER_METRICS_PORT });
      stops.push(() => server.close());
    }
  }
  if (role !== 'worker') {
    const bot = await startBotRuntime({
      config,
      logger,
      metrics,
      cliEnv,
      extraHealth: () => preflight,
    });
    stops.unshift(() => bot.stop());
  }
  logger.info({ role }, 'eas-deploy started');
  return logger;
}

/** One line that names the problem, then a non-zero exit; a config error is the person's to fix, not a stack trace. */
function exitWithError(error: unknown): never {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`eas-deploy: ${message.split('\n')[0]}\n`);
  process.exit(1);
}

const started = main(process.argv.slice(2));
started.catch(exitWithError);
process.on('uncaughtException', exitWithError);
process.on('unhandledRejection', exitWithError);

/** SIGTERM/SIGINT: stop taking jobs, let the running step finish within EAS_SHUTDOWN_GRACE_MS, exit 0. */
async function shutdown(signal: string): Promise<void> {
  const logger = await started.catch(() => process.exit(1));
  logger.info({ signal }, 'shutting down');
  for (const stop of stops) await stop().catch((err) => logger.error({ err }, 'stop failed'));
  process.exit(0);
}
// Registered before start-up finishes, so an early SIGTERM still closes gracefully. `on`, not
// `once`: execa's signal-exit re-raises the signal when it finds no other listener left.
let shuttingDown = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (shuttingDown) return;
    shuttingDown = true;
    void shutdown(signal);
  });
}
