import { createHash } from 'node:crypto';
import type { RedisClient } from './redis-connection.js';

/** How long a shown fit warning counts as seen: a person pressing Deploy again within it confirms. */
const SEEN_FOR_SECONDS = 3_600;

/** Remembers which fit warnings a form has shown, so the second Deploy of the same choice goes through. */
export interface FitConfirmations {
  /** True the first time this form shows this warning (it is then shown); false once it was seen. */
  firstTime(viewId: string, warningKey: string): Promise<boolean>;
}

/** RedisClient `SET NX EX` per form and warning: any bot process sees that the warning was shown. */
export function createFitConfirmations(redis: RedisClient, prefix: string): FitConfirmations {
  return {
    async firstTime(viewId, warningKey) {
      const digest = createHash('sha256')
        .update(`${viewId}|${warningKey}`)
        .digest('hex')
        .slice(0, 32);
      const set = await redis.set(
        `${prefix}:fit-seen:${digest}`,
        '1',
        'EX',
        SEEN_FOR_SECONDS,
        'NX',
      );
      return set === 'OK';
    },
  };
}
