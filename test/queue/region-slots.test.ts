import { afterAll, describe, expect, it } from 'vitest';
import { createRegionSlots } from '../../src/queue/region-slots.js';
import { connectRedis, deleteKeys, uniquePrefix } from '../support/redis.js';

const redis = connectRedis();
const prefix = uniquePrefix('slots');

afterAll(async () => {
  await deleteKeys(redis, prefix);
  redis.disconnect();
});

describe('region slots', () => {
  it('admits at most the limit per region and frees a slot on release', async () => {
    const slots = createRegionSlots(redis, prefix, 2);
    expect(await slots.tryAcquire('cn-hangzhou', 'a')).toBe(true);
    expect(await slots.tryAcquire('cn-hangzhou', 'b')).toBe(true);
    expect(await slots.tryAcquire('cn-hangzhou', 'c')).toBe(false);
    expect(await slots.tryAcquire('cn-shanghai', 'c')).toBe(true);
    await slots.release('cn-hangzhou', 'a');
    expect(await slots.tryAcquire('cn-hangzhou', 'c')).toBe(true);
  });

  it('lets a holder acquire again (a resumed job keeps its slot)', async () => {
    const slots = createRegionSlots(redis, prefix, 1);
    expect(await slots.tryAcquire('cn-beijing', 'x')).toBe(true);
    expect(await slots.tryAcquire('cn-beijing', 'x')).toBe(true);
    expect(await slots.tryAcquire('cn-beijing', 'y')).toBe(false);
  });

  it('forgets a holder whose lease ran out (a crashed worker)', async () => {
    const slots = createRegionSlots(redis, prefix, 1, 50);
    expect(await slots.tryAcquire('ap-southeast-1', 'dead')).toBe(true);
    await expect.poll(() => slots.tryAcquire('ap-southeast-1', 'alive')).toBe(true);
  });
});
