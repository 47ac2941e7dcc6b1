import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildBlockActionsBody,
  buildSlashCommandBody,
  buildStateValues,
  buildViewSubmissionBody,
} from '../../sim/slack/payloads.js';
import { type SlackStandIn, startSlackStandIn } from '../../sim/slack/slack-standin.js';
import { createSlackApp, type SlackApp } from '../../src/slack/app.js';
import { createFakePorts, type FakePorts } from '../support/fake-ports.js';
import { createTestOutbox } from '../support/test-outbox.js';

/** The payload Slack pushes over the socket: the same fields the HTTP body carries, as JSON. */
const slashPayload = (body: string) => Object.fromEntries(new URLSearchParams(body));
const interactionPayload = (body: string) =>
  JSON.parse(new URLSearchParams(body).get('payload') ?? '{}') as object;

let standIn: SlackStandIn;
let ports: FakePorts;
let slack: SlackApp;
let port: number;

beforeAll(async () => {
  standIn = await startSlackStandIn();
  ports = createFakePorts();
  slack = createSlackApp({
    config: {
      SLACK_BOT_TOKEN: 'xoxb-socket',
      SLACK_SIGNING_SECRET: undefined,
      SLACK_APP_TOKEN: 'xapp-1-socket',
      SLACK_API_URL: standIn.apiUrl,
      EAS_ALLOWED_USERS: [],
      EAS_ALLOWED_CHANNELS: [],
    },
    ports,
    outbox: createTestOutbox(standIn),
    retryConfig: { retries: 0 },
    health: async () => true,
    metrics: () => 'eas_deploy_up 1\n',
    botId: 'BBOT0001',
    botUserId: 'UBOT0001',
  });
  ({ port } = await slack.start(0));
  await standIn.socket.connected(10_000);
});
afterAll(async () => {
  await slack.stop();
  await standIn.close();
});

describe('the bot in Socket Mode', () => {
  it('serves /healthz and /metrics on PORT, as the image’s HEALTHCHECK asks', async () => {
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(health.status).toBe(200);
    expect(await (await fetch(`http://127.0.0.1:${port}/metrics`)).text()).toContain(
      'eas_deploy_up 1',
    );
    expect(standIn.calls.some((c) => c.method === 'apps.connections.open')).toBe(true);
  });

  it('acknowledges a slash command pushed over the socket with the answer in the ack', async () => {
    const ack = await standIn.socket.push(
      'slash_commands',
      slashPayload(buildSlashCommandBody({ text: 'help' })),
    );
    expect(ack.payload).toMatchObject({ response_type: 'ephemeral' });
    expect(JSON.stringify(ack.payload)).toContain('/eas-deploy status');
  });

  it('opens the modal for an empty command, with the trigger the envelope carried', async () => {
    const body = buildSlashCommandBody({ channel_id: 'C0SOCKET' });
    const trigger = new URLSearchParams(body).get('trigger_id');
    await standIn.socket.push('slash_commands', slashPayload(body));
    const open = await standIn.waitFor(
      (c) => c.method === 'views.open' && c.args.trigger_id === trigger,
      10_000,
    );
    expect(open.response).toMatchObject({ ok: true });
  });

  it('acknowledges a view submission: a bad field comes back as errors in the ack, nothing queued', async () => {
    const values = buildStateValues({ service_name: 'Bad Name!', replicas: '1', port: '8000' });
    const ack = await standIn.socket.push(
      'interactive',
      interactionPayload(buildViewSubmissionBody({ values })),
    );
    expect(ack.payload).toMatchObject({ response_action: 'errors' });
    expect(ports.submitted).toEqual([]);
  });

  it('acknowledges a block action and acts on it', async () => {
    const ack = await standIn.socket.push(
      'interactive',
      interactionPayload(
        buildBlockActionsBody({
          actionId: 'refresh_status',
          value: 'd-1',
          message: { channelId: 'C0DEPLOY', ts: '1700000000.000100' },
          responseUrl: `${standIn.responseUrl}socket`,
        }),
      ),
    );
    expect(ack.envelope_id).toBeTruthy();
    await expect.poll(() => ports.described.length, { timeout: 30_000 }).toBe(1);
    // The clicked message is unknown to Slack, so the status goes to the clicker privately.
    const told = await standIn.waitFor((c) => c.method === 'chat.postEphemeral', 10_000);
    expect(told.args.user).toBe('U0REQUEST');
  });
});
