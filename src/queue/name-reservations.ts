import type { RedisClient } from './redis-connection.js';

/**
 * (region, service name) is reserved from submission to the end of the job, so a second request
 * for that name meanwhile is told at once who is deploying it. SET NX is the whole lock; the value
 * says who holds it, and a re-submission of the same deployment finds its own hold.
 */
export interface NameHold {
  readonly deploymentId: string;
  readonly userId: string;
}

export type ReserveAnswer = { ok: true; alreadyHeld: boolean } | { ok: false; holder: NameHold };

const DAY_SECONDS = 24 * 3600;

export interface NameReservations {
  reserve(region: string, serviceName: string, hold: NameHold): Promise<ReserveAnswer>;
  release(region: string, serviceName: string, deploymentId: string): Promise<void>;
}

// Delete only when the hold is still ours: a late release must not free someone else's name.
const RELEASE_IF_OWNER = `
local v = redis.call('GET', KEYS[1])
if v and cjson.decode(v).deploymentId == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

/** Creates the reservation store under the install's key prefix. */
export function createNameReservations(
  redis: RedisClient,
  prefix: string,
  ttlSeconds = DAY_SECONDS,
): NameReservations {
  const key = (region: string, name: string) => `${prefix}:name:${region}:${name}`;
  return {
    async reserve(region, serviceName, hold) {
      const k = key(region, serviceName);
      const set = await redis.set(k, JSON.stringify(hold), 'EX', ttlSeconds, 'NX');
      if (set === 'OK') return { ok: true, alreadyHeld: false };
      const current = await redis.get(k);
      const holder = current ? (JSON.parse(current) as NameHold) : undefined;
      if (!holder) return this.reserve(region, serviceName, hold);
      if (holder.deploymentId === hold.deploymentId) return { ok: true, alreadyHeld: true };
      return { ok: false, holder };
    },
    async release(region, serviceName, deploymentId) {
      await redis.eval(RELEASE_IF_OWNER, 1, key(region, serviceName), deploymentId);
    },
  };
}
