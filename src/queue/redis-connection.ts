import { readFileSync } from 'node:fs';
import { Cluster, Redis, type RedisOptions } from 'ioredis';
import type { Config } from '../config.js';
import { type RedisAccess, readRedisTarget } from './redis-options.js';

/** A connection to one server (standalone or Sentinel-watched) or to a whole cluster. */
export type RedisClient = Redis | Cluster;

/**
 * Redis connections for the two sides of the queue. The bot (producer) fails fast so a person
 * hears "queue unavailable" within Slack's 3 seconds; the worker (blocking consumer) must wait
 * forever and reconnect, as BullMQ requires (`maxRetriesPerRequest: null`).
 */
export type ConnectionRole = 'producer' | 'worker';

/** The configuration that says where Redis is (REDIS_URL and its TLS and Sentinel companions). */
export type RedisSettings = Pick<Config, 'REDIS_URL'> &
  Partial<
    Pick<Config, 'REDIS_TLS_CA_FILE' | 'REDIS_SENTINEL_USERNAME' | 'REDIS_SENTINEL_PASSWORD'>
  >;

const ROLE_OPTIONS: Record<ConnectionRole, RedisOptions> = {
  producer: {
    // One retry, then the command fails; submitDeployment also bounds the whole call by a timeout.
    maxRetriesPerRequest: 1,
    connectTimeout: 1_500,
    // Keep trying in the background so the bot recovers when Redis comes back.
    retryStrategy: (times) => Math.min(times * 200, 2_000),
  },
  worker: {
    maxRetriesPerRequest: null,
    enableOfflineQueue: true,
    retryStrategy: (times) => Math.min(times * 500, 5_000),
  },
};

/**
 * READONLY means this connection still talks to a primary Sentinel has demoted: reconnect (the
 * Sentinels name the new primary) and resend the command, which the replica did not run.
 */
const reconnectOnReadonly = (error: Error): 2 | false =>
  error.message.startsWith('READONLY') ? 2 : false;

/** The settings with the CA file read; an unreadable file stops start-up with one line. */
function readAccess(settings: RedisSettings): RedisAccess {
  let tlsCa: string | undefined;
  if (settings.REDIS_TLS_CA_FILE) {
    try {
      tlsCa = readFileSync(settings.REDIS_TLS_CA_FILE, 'utf8');
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(`REDIS_TLS_CA_FILE cannot be read: ${reason}`);
    }
  }
  return {
    url: settings.REDIS_URL,
    ...(tlsCa ? { tlsCa } : {}),
    ...(settings.REDIS_SENTINEL_USERNAME
      ? { sentinelUsername: settings.REDIS_SENTINEL_USERNAME }
      : {}),
    ...(settings.REDIS_SENTINEL_PASSWORD
      ? { sentinelPassword: settings.REDIS_SENTINEL_PASSWORD }
      : {}),
  };
}

/** Opens a connection for one role (a Cluster client for a cluster URL); errors are the caller's to log. */
export function createRedisConnection(
  source: string | RedisSettings,
  role: ConnectionRole,
): RedisClient {
  const target = readRedisTarget(
    readAccess(typeof source === 'string' ? { REDIS_URL: source } : source),
  );
  const roleOptions: RedisOptions = {
    ...ROLE_OPTIONS[role],
    reconnectOnError: reconnectOnReadonly,
    lazyConnect: false,
  };
  let client: RedisClient;
  if (target.kind === 'cluster') {
    const { retryStrategy, ...nodeOptions } = roleOptions;
    client = new Cluster(target.nodes, {
      redisOptions: { ...target.options, ...nodeOptions },
      ...(retryStrategy ? { clusterRetryStrategy: retryStrategy } : {}),
      enableOfflineQueue: true,
    });
  } else if (target.kind === 'sentinel') {
    // Follow a failover the moment the Sentinels announce it (+switch-master), not when the old
    // primary is demoted seconds later: writes in between would be lost with its data.
    client = new Redis({ ...target.options, ...roleOptions, failoverDetector: true });
  } else {
    client = new Redis(target.url, { ...target.options, ...roleOptions });
  }
  // Without a listener ioredis prints unhandled error events; callers attach their own logger too.
  client.on('error', () => {});
  return client;
}
