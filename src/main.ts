import { createExecaCliRunner } from './aliyun/cli-runner.js';
import { ConfigError, readCliEnvironment, readConfig } from './config.js';
import { createLogger } from './logger.js';
import { createMetrics } from './observability/metrics.js';
import { serveMetrics } from './observability/serve-metrics.js';
import { startBotRuntime } from './runtime/start-bot.js';
import { startWorkerRuntime } from './runtime/start-worker.js';
import { collectKnownSecrets } from './security/known-secrets.js';

/** The composition root: `node dist/src/main.js all|bot|worker`. */
const ROLES = ['all', 'bot', 'worker'] as const;
type Role = (typeof ROLES)[number];

async function main(argv: readonly string[]): Promise<void> {
  const role = (argv[0] ?? 'all') as Role;
  if (!ROLES.includes(role))
    throw new ConfigError(`unknown role "${role}": use all, bot or worker`);
  const config = readConfig();
  // Every secret value of the environment is masked by value in every line, whatever its field.
  const logger = createLogger({
    level: config.LOG_LEVEL,
    name: `eas-deploy-${role}`,
    secrets: collectKnownSecrets(process.env),
  });
  const metrics = createMetrics();
  const cliEnv = readCliEnvironment();
  const stops: Array<() => Promise<void>> = [];
  let preflightOk = true;
  if (role !== 'bot') {
    const worker = startWorkerRuntime({ config, logger, metrics, cliEnv });
    worker.preflight.then((p) => {
      preflightOk = p.ok;
    });
    stops.push(() => worker.stop());
    if (role === 'worker' && config.WORKER_METRICS_PORT !== undefined) {
      const server = await serveMetrics(metrics, { port: config.WORKER_METRICS_PORT });
      stops.push(() => server.close());
    }
  }
  if (role !== 'worker') {
    const cli = createExecaCliRunner({ executable: config.ALIYUN_CLI, env: cliEnv });
    const bot = await startBotRuntime({
      config,
      logger,
      metrics,
      cli,
      extraHealth: () => preflightOk,
    });
    stops.unshift(() => bot.stop());
  }
  logger.info({ role }, 'eas-deploy started');
  const shutdown = async (signal: string) => {
    logger.info({ signal }, 'shutting down');
    for (const stop of stops) await stop().catch((err) => logger.error({ err }, 'stop failed'));
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
}

main(process.argv.slice(2)).catch((error: unknown) => {
  // One line that names the problem; a config error is the person's to fix, not a stack trace.
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`eas-deploy: ${message}\n`);
  process.exit(1);
});
