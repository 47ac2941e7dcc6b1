import { keysUnderPrefix } from '../../src/queue/keys-under-prefix.js';
import type { RedisClient } from '../../src/queue/redis-connection.js';

/** Where a secret was found: the RedisClient key and the place inside it (field, index, member, entry id). */
export interface SecretSighting {
  readonly key: string;
  readonly type: string;
  readonly where: string;
}

/** The forms a leaked secret may take in stored text: as is, URL-encoded, JSON-escaped, base64. */
function formsOf(secret: string): string[] {
  return [
    ...new Set([
      secret,
      encodeURIComponent(secret),
      JSON.stringify(secret).slice(1, -1),
      Buffer.from(secret).toString('base64'),
    ]),
  ];
}

/** For tests: the places in a text where the secret (in any usual encoding) appears, with context. */
export function findSecretIn(haystack: string, secret: string): string[] {
  if (secret.length === 0) return [];
  const places: string[] = [];
  for (const form of formsOf(secret)) {
    let at = haystack.indexOf(form);
    while (at !== -1) {
      // The context shows where, with the secret itself masked so a failure message does not leak it.
      const before = haystack.slice(Math.max(0, at - 40), at);
      const after = haystack.slice(at + form.length, at + form.length + 40);
      places.push(`…${before}<SECRET>${after}…`);
      at = haystack.indexOf(form, at + 1);
    }
  }
  return places;
}

/** Reads one key in full as labelled text pieces, whatever its type. */
async function readKey(
  redis: RedisClient,
  key: string,
  type: string,
): Promise<Array<[string, string]>> {
  switch (type) {
    case 'string':
      return [['value', (await redis.get(key)) ?? '']];
    case 'hash':
      return Object.entries(await redis.hgetall(key)).flatMap(([field, value]) => [
        [`field name ${field}`, field] as [string, string],
        [`field ${field}`, value] as [string, string],
      ]);
    case 'list':
      return (await redis.lrange(key, 0, -1)).map((v, i) => [`index ${i}`, v]);
    case 'set':
      return (await redis.smembers(key)).map((v) => ['member', v]);
    case 'zset':
      return (await redis.zrange(key, 0, -1)).map((v) => ['member', v]);
    case 'stream':
      return (await redis.xrange(key, '-', '+')).map(([id, fields]) => [
        `entry ${id}`,
        fields.join(' '),
      ]);
    default:
      return [['unreadable type', `(${type})`]];
  }
}

/**
 * For tests: reads every key under `<prefix>:` (strings, hashes, lists, sets, sorted sets, streams,
 * BullMQ job hashes included) and reports each place the secret appears, key names included.
 */
export async function scanRedisForSecret(
  redis: RedisClient,
  prefix: string,
  secret: string,
): Promise<SecretSighting[]> {
  const sightings: SecretSighting[] = [];
  for await (const keys of keysUnderPrefix(redis, prefix)) {
    for (const key of keys) {
      const type = await redis.type(key);
      if (findSecretIn(key, secret).length > 0) sightings.push({ key, type, where: 'key name' });
      for (const [where, text] of await readKey(redis, key, type)) {
        if (findSecretIn(text, secret).length > 0) sightings.push({ key, type, where });
      }
    }
  }
  return sightings;
}
