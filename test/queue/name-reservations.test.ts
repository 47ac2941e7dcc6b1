import { afterAll, describe, expect, it } from 'vitest';
import { createNameReservations } from '../../src/queue/name-reservations.js';
import { connectRedis, deleteKeys, uniquePrefix } from '../support/redis.js';

const redis = connectRedis();
const prefix = uniquePrefix('names');
const names = createNameReservations(redis, prefix);

afterAll(async () => {
  await deleteKeys(redis, prefix);
  redis.disconnect();
});

describe('name reservations', () => {
  it('tells a second requester who holds the name', async () => {
    expect(
      await names.reserve('cn-hangzhou', 'qwen_a', { deploymentId: 'd-1', userId: 'U1' }),
    ).toEqual({
      ok: true,
      alreadyHeld: false,
    });
    expect(
      await names.reserve('cn-hangzhou', 'qwen_a', { deploymentId: 'd-2', userId: 'U2' }),
    ).toEqual({
      ok: false,
      holder: { deploymentId: 'd-1', userId: 'U1' },
    });
  });

  it('lets the same deployment find its own hold', async () => {
    await names.reserve('cn-hangzhou', 'qwen_b', { deploymentId: 'd-3', userId: 'U1' });
    expect(
      await names.reserve('cn-hangzhou', 'qwen_b', { deploymentId: 'd-3', userId: 'U1' }),
    ).toEqual({
      ok: true,
      alreadyHeld: true,
    });
  });

  it('keeps names apart by region', async () => {
    await names.reserve('cn-hangzhou', 'qwen_c', { deploymentId: 'd-4', userId: 'U1' });
    const other = await names.reserve('cn-shanghai', 'qwen_c', {
      deploymentId: 'd-5',
      userId: 'U2',
    });
    expect(other.ok).toBe(true);
  });

  it('releases only the holder’s own reservation', async () => {
    await names.reserve('cn-hangzhou', 'qwen_d', { deploymentId: 'd-6', userId: 'U1' });
    await names.release('cn-hangzhou', 'qwen_d', 'd-other');
    expect(
      (await names.reserve('cn-hangzhou', 'qwen_d', { deploymentId: 'd-7', userId: 'U2' })).ok,
    ).toBe(false);
    await names.release('cn-hangzhou', 'qwen_d', 'd-6');
    expect(
      (await names.reserve('cn-hangzhou', 'qwen_d', { deploymentId: 'd-7', userId: 'U2' })).ok,
    ).toBe(true);
  });

  it('gives exactly one of many concurrent requests the name', async () => {
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        names.reserve('cn-beijing', 'race_name', { deploymentId: `d-r${i}`, userId: `U${i}` }),
      ),
    );
    expect(answers.filter((a) => a.ok)).toHaveLength(1);
  });
});
