import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ServingHost, startServingHost } from '../sim/aliyun/serving-host.js';
import {
  findSimExecutable,
  prepareSimEnv,
  type SimEnvOptions,
  simStatePath,
} from '../sim/aliyun/sim-env.js';
import { type SlackStandIn, startSlackStandIn } from '../sim/slack/slack-standin.js';
import { type Config, readConfig } from '../src/config.js';
import { createLogger, type Logger } from '../src/logger.js';
import { createMetrics } from '../src/observability/metrics.js';
import { readCliEnvironment } from '../src/process-env.js';
import { startBotRuntime } from '../src/runtime/start-bot.js';
import { startWorkerRuntime } from '../src/runtime/start-worker.js';

export const LOCAL_SIGNING_SECRET = 'local-signing-secret';
export const LOCAL_BOT_TOKEN = 'xoxb-local-demo-token';

/**
 * The environment of a local bot or worker process: the Slack stand-in, the aliyun simulator, and
 * Redis under its own prefix. The serving probe is off: the demo world's endpoints are EAS's real
 * hosts, unreachable here (a stack with a serving host turns it on).
 */
export function localProcessEnv(o: {
  readonly slackApiUrl: string;
  readonly redisUrl: string;
  readonly prefix: string;
}): Record<string, string> {
  return {
    SLACK_BOT_TOKEN: LOCAL_BOT_TOKEN,
    SLACK_SIGNING_SECRET: LOCAL_SIGNING_SECRET,
    SLACK_API_URL: o.slackApiUrl,
    REDIS_URL: o.redisUrl,
    QUEUE_PREFIX: o.prefix,
    ALIYUN_CLI: findSimExecutable(),
    EAS_PROBE: 'off',
  };
}

export interface LocalStackOptions {
  readonly redisUrl: string;
  readonly prefix: string;
  readonly sim?: Omit<SimEnvOptions, 'dir' | 'servingUrl'>;
  /**
   * Running services answer HTTP on a loopback serving host, and the serving watch is on. Without
   * it EAS_PROBE is off (unless `env` says otherwise): the endpoints would be EAS's real hosts.
   */
  readonly serve?: boolean;
  /** Extra environment for the bot's config (allow-lists, notify channel, …). */
  readonly env?: Record<string, string>;
  readonly logger?: Logger;
  /** Start the worker in this process (the kill tests run it as a separate process instead). */
  readonly withWorker?: boolean;
}

/** The whole product on loopback: Slack stand-in, bot over HTTP, worker, and the aliyun simulator. */
export interface LocalStack {
  readonly slack: SlackStandIn;
  readonly eventsUrl: string;
  readonly config: Config;
  /** The simulator's environment (ALIYUN_SIM_STATE, …) and the env a separate worker process needs. */
  readonly simEnv: Record<string, string>;
  readonly processEnv: Record<string, string>;
  stop(): Promise<void>;
}

/** Starts the local stack; `stop()` closes everything it started and removes its temp files. */
export async function startLocalStack(options: LocalStackOptions): Promise<LocalStack> {
  const dir = await mkdtemp(join(tmpdir(), 'eas-local-'));
  const serving: ServingHost | undefined = options.serve
    ? await startServingHost({ statePath: simStatePath(dir) })
    : undefined;
  const simEnv = await prepareSimEnv({
    dir,
    ...options.sim,
    ...(serving ? { servingUrl: serving.url } : {}),
  });
  const slack = await startSlackStandIn();
  const processEnv: Record<string, string> = {
    ...localProcessEnv({ slackApiUrl: slack.apiUrl, ...options }),
    PORT: '0',
    LOG_LEVEL: 'silent',
    EAS_PROBE: serving ? 'on' : 'off',
    ...options.env,
  };
  const config = readConfig(processEnv);
  const logger = options.logger ?? createLogger({ level: config.LOG_LEVEL });
  const metrics = createMetrics();
  const cliEnv = { ...readCliEnvironment(), ...simEnv };
  const retryConfig = { retries: 2, minTimeout: 50, maxTimeout: 200 };
  const worker =
    options.withWorker === false
      ? undefined
      : startWorkerRuntime({ config, logger, metrics, cliEnv, slackRetryConfig: retryConfig });
  const bot = await startBotRuntime({ config, logger, metrics, cliEnv, retryConfig });
  // The expiry schedules' first rebuild (its list-services calls) is over before anyone deploys.
  await worker?.schedulesReady;
  return {
    slack,
    eventsUrl: `http://127.0.0.1:${bot.port}/slack/events`,
    config,
    simEnv,
    processEnv: { ...processEnv, ...simEnv },
    async stop() {
      await bot.stop();
      await worker?.stop();
      await slack.close();
      await serving?.close();
      // A simulator child started just before the stop may still be writing: rm retries ENOTEMPTY.
      await rm(dir, { recursive: true, force: true, maxRetries: 10 });
    },
  };
}
