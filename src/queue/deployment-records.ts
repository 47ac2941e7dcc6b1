import { z } from 'zod';
import { DeploySpec } from '../deploy/deploy-spec.js';
import { redactKnownSecrets } from '../redact.js';
import type { RedisClient } from './redis-connection.js';

/** What the bot remembers of each deployment it made: for `/eas-deploy list`, App Home and the token button. */
export const DeploymentRecord = z.object({
  deploymentId: z.string(),
  serviceName: z.string(),
  region: z.string(),
  requesterId: z.string(),
  channelId: z.string(),
  /** What was asked (no secrets), for "Redeploy with these settings". */
  spec: DeploySpec,
  parentTs: z.string().optional(),
  state: z.enum([
    'queued',
    'running',
    'awaiting-approval',
    'deployed',
    'dry-run',
    'blocked',
    'failed',
  ]),
  /** The last status EAS reported (Creating, Running, …), when known. */
  serviceStatus: z.string().optional(),
  submittedAt: z.number(),
  updatedAt: z.number(),
});
export type DeploymentRecord = z.infer<typeof DeploymentRecord>;

const KEEP = 500;

export interface DeploymentRecords {
  save(record: DeploymentRecord): Promise<void>;
  update(
    deploymentId: string,
    patch: Partial<Omit<DeploymentRecord, 'deploymentId'>>,
  ): Promise<void>;
  get(deploymentId: string): Promise<DeploymentRecord | undefined>;
  recent(filter: { userId?: string; region?: string }, limit: number): Promise<DeploymentRecord[]>;
}

/** Creates the record store: one JSON string per deployment plus two capped time indexes. */
export function createDeploymentRecords(redis: RedisClient, prefix: string): DeploymentRecords {
  const recordKey = (id: string) => `${prefix}:deployment:${id}`;
  const allKey = `${prefix}:deployments`;
  const userKey = (userId: string) => `${prefix}:deployments:user:${userId}`;
  const parse = (raw: string | null) => {
    const parsed = raw ? DeploymentRecord.safeParse(JSON.parse(raw)) : undefined;
    return parsed?.success ? parsed.data : undefined;
  };
  return {
    async save(record) {
      await redis
        .multi()
        .set(
          recordKey(record.deploymentId),
          JSON.stringify(redactKnownSecrets(record)),
          'EX',
          90 * 24 * 3600,
        )
        .zadd(allKey, record.submittedAt, record.deploymentId)
        .zremrangebyrank(allKey, 0, -KEEP - 1)
        .zadd(userKey(record.requesterId), record.submittedAt, record.deploymentId)
        .zremrangebyrank(userKey(record.requesterId), 0, -KEEP - 1)
        .exec();
    },
    async update(deploymentId, patch) {
      const current = parse(await redis.get(recordKey(deploymentId)));
      if (!current) return;
      const next = { ...current, ...patch, updatedAt: Date.now() };
      await redis.set(recordKey(deploymentId), JSON.stringify(redactKnownSecrets(next)), 'KEEPTTL');
    },
    async get(deploymentId) {
      return parse(await redis.get(recordKey(deploymentId)));
    },
    async recent(filter, limit) {
      const index = filter.userId ? userKey(filter.userId) : allKey;
      const ids = await redis.zrevrange(index, 0, filter.region ? KEEP : limit - 1);
      if (ids.length === 0) return [];
      const raws = await redis.mget(ids.map(recordKey));
      return raws
        .map(parse)
        .filter((r): r is DeploymentRecord => r !== undefined)
        .filter((r) => !filter.region || r.region === filter.region)
        .slice(0, limit);
    },
  };
}
