import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSlashCommandBody } from '../../sim/slack/payloads.js';
import { type SlackHarness, startSlackHarness } from '../support/slack-harness.js';

let h: SlackHarness;
beforeAll(async () => {
  h = await startSlackHarness();
});
afterAll(() => h.close());

describe('the Slack app over HTTP', () => {
  it('rejects a request with a bad signature with 401', async () => {
    const answer = await h.post(buildSlashCommandBody(), { signature: 'v0=deadbeef' });
    expect(answer.status).toBe(401);
  });

  it('rejects a request with a timestamp older than five minutes with 401', async () => {
    const answer = await h.post(buildSlashCommandBody(), {
      timestamp: Math.floor(Date.now() / 1000) - 301,
    });
    expect(answer.status).toBe(401);
    expect(h.standIn.calls.filter((c) => c.method === 'views.open')).toHaveLength(0);
  });

  it('answers /healthz with 200 while healthy and 503 when not', async () => {
    const base = h.url.replace('/slack/events', '');
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    h.healthy = false;
    expect((await fetch(`${base}/healthz`)).status).toBe(503);
    h.healthy = true;
  });

  it('serves the metrics text on /metrics', async () => {
    const response = await fetch(h.url.replace('/slack/events', '/metrics'));
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('eas_deploy_up 1');
  });
});
