import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSlashCommandBody } from '../../src/sim/slack/payloads.js';
import { type SlackHarness, startSlackHarness } from '../support/slack-harness.js';

let h: SlackHarness;
beforeAll(async () => {
  h = await startSlackHarness();
});
afterAll(() => h.close());

describe('authorizing the bot', () => {
  it('serves requests even when auth.test fails, and asks it again later', async () => {
    h.standIn.failNext('auth.test', { error: 'invalid_auth' });
    const first = await h.post(buildSlashCommandBody({ text: '' }));
    expect(first.status).toBe(200);
    await h.standIn.waitFor((c) => c.method === 'views.open', 5_000);
    const second = await h.post(buildSlashCommandBody({ text: '' }));
    expect(second.status).toBe(200);
    const asked = h.standIn.calls.filter((c) => c.method === 'auth.test');
    expect(asked.length).toBe(2);
    // Once it succeeded it is not asked again.
    await h.post(buildSlashCommandBody({ text: '' }));
    expect(h.standIn.calls.filter((c) => c.method === 'auth.test')).toHaveLength(2);
    // Every command opened its modal.
    for (let i = 0; i < 100; i += 1) {
      if (h.standIn.calls.filter((c) => c.method === 'views.open').length === 3) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(h.standIn.calls.filter((c) => c.method === 'views.open')).toHaveLength(3);
  });
});
