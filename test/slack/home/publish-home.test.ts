import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEventBody } from '../../../sim/slack/payloads.js';
import { type SlackHarness, startSlackHarness } from '../../support/slack-harness.js';

let h: SlackHarness;
beforeAll(async () => {
  h = await startSlackHarness();
});
afterAll(() => h.close());

describe('App Home', () => {
  it('publishes the person’s recent deployments when they open the home tab', async () => {
    const event = buildEventBody({
      type: 'app_home_opened',
      user: 'U0REQUEST',
      channel: 'D0REQUEST',
      tab: 'home',
      event_ts: '1700000000.1',
    });
    const answer = await h.post(event, { contentType: 'application/json' });
    expect(answer.status).toBe(200);
    const publish = await h.standIn.waitFor((c) => c.method === 'views.publish', 5000);
    expect(publish.args.user_id).toBe('U0REQUEST');
    expect(JSON.stringify(publish.args.view)).toContain('qwen_demo');
  });
});
