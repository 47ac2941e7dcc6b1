import { afterAll, describe, expect, it } from 'vitest';
import { connectRedis, deleteKeys, uniquePrefix } from './redis.js';
import { findSecretIn, scanRedisForSecret } from './scan-secrets.js';

const redis = connectRedis();
const prefix = uniquePrefix('scan');
const SECRET = 'Zm9vYmFyU2VjcmV0VG9rZW4xMjM0';

afterAll(async () => {
  await deleteKeys(redis, prefix);
  redis.disconnect();
});

describe('finding a secret', () => {
  it('finds it as is, URL-encoded, JSON-escaped or base64, and masks it in the report', () => {
    const secret = 'a+b/"c"';
    const text = `x ${secret} ${encodeURIComponent(secret)} ${JSON.stringify(secret)} ${Buffer.from(secret).toString('base64')}`;
    const places = findSecretIn(text, secret);
    expect(places).toHaveLength(4);
    for (const place of places) expect(place).toContain('<SECRET>');
    expect(findSecretIn('nothing here', secret)).toEqual([]);
  });

  it('reports every kind of Redis key that holds the secret, and only those', async () => {
    await redis.set(`${prefix}:string`, `token=${SECRET}`);
    await redis.hset(
      `${prefix}:bull:deploy:1`,
      'data',
      JSON.stringify({ note: SECRET }),
      'opts',
      '{}',
    );
    await redis.rpush(`${prefix}:list`, 'a', SECRET);
    await redis.sadd(`${prefix}:set`, SECRET);
    await redis.zadd(`${prefix}:zset`, 1, SECRET);
    await redis.xadd(`${prefix}:stream`, '*', 'entry', SECRET);
    await redis.set(`${prefix}:clean`, 'nothing to see');
    await redis.set(`${prefix}:name-${SECRET}`, 'x');
    const sightings = await scanRedisForSecret(redis, prefix, SECRET);
    expect(
      sightings
        .map(
          (s) => `${s.key.slice(prefix.length + 1)} ${s.type} ${s.where.replace(/ \d+-\d+$/, '')}`,
        )
        .sort(),
    ).toEqual(
      [
        'bull:deploy:1 hash field data',
        'list list index 1',
        `name-${SECRET} string key name`,
        'set set member',
        'stream stream entry',
        'string string value',
        'zset zset member',
      ].sort(),
    );
    expect(sightings.find((s) => s.key.endsWith(':stream'))?.where).toMatch(/^entry \d+-\d+$/);
  });
});
