import { z } from 'zod';
import {
  Duration,
  InstanceFamilyList,
  lifetimeOr,
  optionalInt,
  optionalText,
  SlackIdList,
  UsergroupIdList,
} from './config-fields.js';

/** The environment of CONTRACT.md, and the few knobs beyond it; the single source of truth for config. */
export const ConfigSchema = z.object({
  SLACK_BOT_TOKEN: z.string().regex(/^xox[bp]-/, 'must be a bot token (xoxb-…)'),
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_APP_TOKEN: optionalText.pipe(
    z
      .string()
      .regex(/^xapp-/, 'must be an app token (xapp-…)')
      .optional(),
  ),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  SLACK_API_URL: optionalText.pipe(z.url().optional()),
  REDIS_URL: z
    .string()
    .regex(
      /^(rediss?|rediss?-sentinel|rediss?-cluster):\/\//,
      'must be a redis://, rediss://, redis-sentinel:// or redis-cluster:// URL',
    )
    .default('redis://127.0.0.1:6379'),
  /** One `{hash tag}` allowed: in cluster mode every key of the install then lives in one slot. */
  QUEUE_PREFIX: z
    .string()
    .regex(
      /^(?=.{1,64}$)[A-Za-z0-9_.-]*(\{[A-Za-z0-9_.-]+\})?[A-Za-z0-9_.-]*$/,
      'letters, digits, _ . - and at most one {hash tag} only',
    )
    .default('eas-deploy'),
  /** PEM CA bundle for rediss:// (and TLS Sentinels or cluster nodes). */
  REDIS_TLS_CA_FILE: optionalText,
  /** ACL user and password of the Sentinels, when they differ from the data nodes' (in the URL). */
  REDIS_SENTINEL_USERNAME: optionalText,
  REDIS_SENTINEL_PASSWORD: optionalText,
  /** Replicas that must hold a submission before the person hears "queued" (WAIT); unset = 1 with Sentinel, else 0. */
  REDIS_WAIT_REPLICAS: optionalInt(0, 10),
  REDIS_WAIT_TIMEOUT_MS: z.coerce.number().int().min(10).max(2_000).default(500),
  ALIYUN_CLI: z.string().min(1).default('aliyun'),
  /** May the aliyun CLI install a missing plugin by itself (ALIBABA_CLOUD_CLI_PLUGIN_AUTO_INSTALL)? Off: the preflight names it. */
  EAS_CLI_PLUGIN_AUTO_INSTALL: z
    .enum(['true', 'false', ''])
    .default('false')
    .transform((v) => v === 'true'),
  EAS_NOTIFY_CHANNEL: optionalText.pipe(
    z
      .string()
      .regex(/^[CGD][A-Z0-9]+$/, 'must be a channel id')
      .optional(),
  ),
  EAS_ALLOWED_USERS: SlackIdList.default([]),
  EAS_ALLOWED_CHANNELS: SlackIdList.default([]),
  EAS_ALLOWED_USERGROUPS: UsergroupIdList.default([]),
  /** Who may approve costly deployments and read the audit log; unset = nobody. */
  EAS_APPROVERS: SlackIdList.default([]),
  /** GPUs × replicas above which approval is needed; unset = never by count. */
  EAS_APPROVAL_GPU_THRESHOLD: optionalText.pipe(
    z
      .string()
      .regex(/^\d{1,6}$/, 'must be a whole number of GPUs (GPUs × replicas)')
      .transform(Number)
      .optional(),
  ),
  EAS_APPROVAL_INSTANCE_FAMILIES: InstanceFamilyList.default([]),
  EAS_APPROVAL_TTL_MINUTES: z.coerce.number().int().min(1).max(10_080).default(60),
  EAS_TOKEN_DELIVERY: z.enum(['ephemeral', 'dm', 'both']).default('both'),
  EAS_AUDIT_MAX_ENTRIES: z.coerce.number().int().min(100).max(10_000_000).default(10_000),
  EAS_WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(100).default(8),
  EAS_REGION_CONCURRENCY: z.coerce.number().int().min(1).max(50).default(4),
  /** BullMQ lock: how soon a dead worker's deployment is picked up again (BullMQ default 30 s). */
  EAS_LOCK_DURATION_MS: optionalInt(500, 600_000),
  EAS_STALLED_INTERVAL_MS: optionalInt(250, 600_000),
  /** SIGTERM: how long the running step may take to finish before the worker closes hard. */
  EAS_SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(600_000).default(25_000),
  /** Minutes between two sweeps for services with the bot's labels but no record (on the clock); 0 = off. */
  EAS_ORPHAN_SWEEP_MINUTES: z.coerce.number().int().min(0).max(59).default(30),
  /** A worker-only process serves GET /metrics on this port when set. */
  WORKER_METRICS_PORT: optionalInt(0, 65_535),
  /** `off`: no status watch and no serving check after the summary (no describe calls at all). */
  EAS_PROBE: z.enum(['on', 'off']).default('on'),
  /** How long the watch waits for Running before it explains why not. */
  EAS_WATCH_MAX: Duration.pipe(
    z
      .number()
      .min(1_000)
      .max(7 * 86_400_000),
  ).default(30 * 60_000),
  /** The watch's first check after the summary; the gaps double from there, at most a minute. */
  EAS_WATCH_FIRST_CHECK_MS: optionalInt(50, 600_000),
  /** Lifecycle (CONTRACT.md "Environment added"): who may act on any bot service, and lifetimes. */
  EAS_ADMIN_USERS: SlackIdList.default([]),
  EAS_DEFAULT_TTL: lifetimeOr('1d'),
  EAS_REMIND_BEFORE: optionalText.pipe(Duration.optional()).transform((ms) => ms ?? 3_600_000),
  EAS_TTL_ACTION: optionalText.pipe(z.enum(['remind', 'stop']).default('remind')),
  /** A JSON file `{ "currency": "USD", "hourly": { "<instance type>": <price> } }`. */
  EAS_PRICE_TABLE: optionalText,
  /** `ttl=never` needs an approver's click like a costly deployment. */
  EAS_TTL_NEVER_NEEDS_APPROVAL: z
    .enum(['true', 'false', ''])
    .default('false')
    .transform((v) => v === 'true'),
  /** How often a worker checks that the expiry schedules are still in Redis (rebuilt when lost). */
  EAS_SCHEDULE_CHECK_MS: z.coerce.number().int().min(100).max(3_600_000).default(60_000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});
export type Config = z.infer<typeof ConfigSchema>;

export class ConfigError extends Error {
  readonly code = 'config_invalid';
}

/** Reads and validates the environment; throws ConfigError whose message names the first bad variable. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue?.path[0] ?? 'environment');
    const value = env[name];
    const problem =
      value === undefined ? 'is required but not set' : `is invalid: ${issue?.message}`;
    throw new ConfigError(`${name} ${problem}`);
  }
  const config = withClusterPrefix(parsed.data);
  if (!config.SLACK_APP_TOKEN && !config.SLACK_SIGNING_SECRET) {
    throw new ConfigError(
      'SLACK_SIGNING_SECRET is required in HTTP mode (or set SLACK_APP_TOKEN for Socket Mode)',
    );
  }
  return config;
}

/**
 * On a Redis Cluster every key of the install must share one hash slot (BullMQ's Lua scripts and
 * the records' MULTI touch several keys), so a prefix without a `{hash tag}` gets one: `{prefix}`.
 */
function withClusterPrefix(config: Config): Config {
  const cluster = /^rediss?-cluster:/.test(config.REDIS_URL);
  if (!cluster || config.QUEUE_PREFIX.includes('{')) return config;
  return { ...config, QUEUE_PREFIX: `{${config.QUEUE_PREFIX}}` };
}
