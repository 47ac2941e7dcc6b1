import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSlackBudget } from '../../src/report/slack-budget.js';
import { connectRedis, deleteKeys, uniquePrefix } from '../support/redis.js';

const redis = connectRedis();
const prefix = uniquePrefix('budget');
// Connected first: while Redis is not ready each process falls back to a budget of its own.
beforeAll(() => redis.ping());
afterAll(async () => {
  await deleteKeys(redis, prefix);
  redis.disconnect();
});

/** Two processes' budgets: each its own limiter objects, the same Redis and prefix. */
const twoProcesses = (token = 'xoxb-shared') => [
  createSlackBudget({ redis, prefix, token }),
  createSlackBudget({ redis, prefix, token }),
];

describe('the Slack budget', () => {
  it('is one budget for all processes: a window spent by one is spent for the other', async () => {
    const [a, b] = twoProcesses();
    // chat.update is Tier 3: the bot spends 2 calls per 3-second window.
    expect(await a?.tryTakeForProgress('chat.update')).toBe(0);
    await b?.take('chat.update');
    await a?.take('chat.postMessage', 'C0ONE');
    const [waitA, waitB] = await Promise.all([
      a?.tryTakeForProgress('chat.update'),
      b?.tryTakeForProgress('chat.update'),
    ]);
    expect(waitA).toBeGreaterThan(0);
    expect(waitB).toBeGreaterThan(0);
  });

  it('keeps part of a method for final states: progress is refused while a final still fits', async () => {
    const [a] = twoProcesses('xoxb-reserve');
    expect(await a?.tryTakeForProgress('chat.update')).toBe(0);
    // The progress share of this window is spent, the method's is not: a final edit goes now.
    expect(await a?.tryTakeForProgress('chat.update')).toBeGreaterThan(0);
    const before = Date.now();
    await a?.take('chat.update');
    expect(Date.now() - before).toBeLessThan(2_500);
  });

  it('paces chat.postMessage per channel: one a second in each, channels apart', async () => {
    const [a, b] = twoProcesses('xoxb-channels');
    await a?.take('chat.postMessage', 'C0PACED');
    const started = Date.now();
    await b?.take('chat.postMessage', 'C0PACED');
    expect(Date.now() - started).toBeGreaterThan(0);
    const other = Date.now();
    await a?.take('chat.postMessage', 'C0ELSE');
    expect(Date.now() - other).toBeLessThan(900);
  });

  it('holds a method off for every process after a 429', async () => {
    const [a, b] = twoProcesses('xoxb-held');
    await a?.holdOff('chat.postEphemeral', undefined, 2);
    expect(await b?.tryTakeForProgress('chat.postEphemeral')).toBeGreaterThan(1_000);
  });

  it('spends separately for separate workspaces (tokens)', async () => {
    const [a] = twoProcesses('xoxb-one');
    const [b] = twoProcesses('xoxb-two');
    await a?.holdOff('chat.update', undefined, 5);
    expect(await b?.tryTakeForProgress('chat.update')).toBe(0);
  });
});
