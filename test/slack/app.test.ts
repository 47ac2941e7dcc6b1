import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSlashCommandBody, FORM_CONTENT_TYPE } from '../../src/sim/slack/payloads.js';
import { postSigned } from '../../src/sim/slack/sign-request.js';
import { COMMANDS_PATH } from '../../src/slack/command-endpoint.js';
import { SECRET, type SlackHarness, startSlackHarness } from '../support/slack-harness.js';

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

  describe('the command endpoint (POST /slack/commands)', () => {
    const commandsUrl = () => h.url.replace('/slack/events', COMMANDS_PATH);
    const post = (body: string, options: { signature?: string } = {}) =>
      postSigned(commandsUrl(), body, FORM_CONTENT_TYPE, SECRET, options);

    it('acknowledges /eas-deploy and opens the form, as /slack/events does', async () => {
      const triggerId = 'commands-endpoint.1';
      const answer = await post(buildSlashCommandBody({ trigger_id: triggerId }));
      expect(answer.status).toBe(200);
      await expect
        .poll(() =>
          h.standIn.calls.some((c) => c.method === 'views.open' && c.args.trigger_id === triggerId),
        )
        .toBe(true);
    });

    it('answers help privately', async () => {
      const answer = await post(buildSlashCommandBody({ text: 'help' }));
      expect(answer.status).toBe(200);
      expect(answer.json).toMatchObject({ response_type: 'ephemeral' });
    });

    it('rejects a bad signature with 401', async () => {
      const answer = await post(buildSlashCommandBody({ trigger_id: 'forged.1' }), {
        signature: 'v0=deadbeef',
      });
      expect(answer.status).toBe(401);
      expect(h.standIn.calls.some((c) => c.args.trigger_id === 'forged.1')).toBe(false);
    });
  });
});
