import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildBlockActionsBody,
  buildBlockSuggestionBody,
  buildEventBody,
  buildSlashCommandBody,
  buildStateValues,
  buildViewSubmissionBody,
  FORM_CONTENT_TYPE,
} from '../../sim/slack/payloads.js';
import { postSigned } from '../../sim/slack/sign-request.js';
import { type SlackStandIn, startSlackStandIn } from '../../sim/slack/slack-standin.js';
import { createLogger } from '../../src/logger.js';
import { type AuditLog, createAuditLog } from '../../src/security/audit-log.js';
import { createSlackApp, type SlackApp } from '../../src/slack/app.js';
import { createFakePorts, type FakePorts } from '../support/fake-ports.js';
import { connectRedis, deleteKeys, uniquePrefix } from '../support/redis.js';

const SECRET = 'access-test-secret';
const prefix = uniquePrefix('access');
let redis: Redis;
let standIn: SlackStandIn;
let slack: SlackApp;
let ports: FakePorts;
let audit: AuditLog;
let url: string;
// The stand-in reads this object on every usergroups.users.list: a test can change a group.
const groups: Record<string, string[]> = { S0DEPLOY: ['U0MEMBER'], S0OPS: [] };

beforeAll(async () => {
  redis = connectRedis();
  standIn = await startSlackStandIn({ usergroups: groups });
  ports = createFakePorts();
  audit = createAuditLog({
    redis,
    prefix,
    logger: createLogger({ level: 'silent' }),
    maxEntries: 1000,
  });
  slack = createSlackApp({
    config: {
      SLACK_BOT_TOKEN: 'xoxb-test',
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_APP_TOKEN: undefined,
      SLACK_API_URL: standIn.apiUrl,
      EAS_ALLOWED_USERS: ['U0REQUEST'],
      EAS_ALLOWED_USERGROUPS: ['S0DEPLOY'],
      EAS_ALLOWED_CHANNELS: ['C0DEPLOY'],
      EAS_APPROVERS: ['U0BOSS01'],
    },
    ports,
    audit,
    retryConfig: { retries: 0 },
    health: async () => true,
    metrics: () => '',
  });
  const { port } = await slack.start(0);
  url = `http://127.0.0.1:${port}/slack/events`;
});
afterAll(async () => {
  await slack?.stop();
  await standIn?.close();
  await deleteKeys(redis, prefix);
  redis.disconnect();
});

const post = (body: string) => postSigned(url, body, FORM_CONTENT_TYPE, SECRET);
const command = (user_id: string, text = '', channel_id = 'C0DEPLOY') =>
  post(
    buildSlashCommandBody({
      text,
      user_id,
      channel_id,
      response_url: `${standIn.responseUrl}cmd`,
    }),
  );
const denials = async () =>
  (await audit.recentAudit(100)).filter((e) => e.kind === 'denial') as Array<{
    userId: string;
    action: string;
  }>;

const homeOpened = (user: string) =>
  JSON.stringify({
    token: 'x',
    team_id: 'T0001',
    api_app_id: 'A0EASDEPLOY',
    type: 'event_callback',
    event_id: `Ev${user}`,
    event_time: 1_700_000_000,
    event: { type: 'app_home_opened', user, channel: 'D0HOME', tab: 'home', event_ts: '1.1' },
  });

describe('who may deploy, checked on every door', () => {
  it('opens the modal for a listed user and for a member of an allowed user group', async () => {
    for (const user of ['U0REQUEST', 'U0MEMBER']) {
      const before = standIn.calls.filter((c) => c.method === 'views.open').length;
      const answer = await command(user);
      expect(answer.status).toBe(200);
      await standIn.waitFor(
        () => standIn.calls.filter((c) => c.method === 'views.open').length > before,
        5_000,
      );
    }
    expect(standIn.calls.some((c) => c.method === 'usergroups.users.list')).toBe(true);
  });

  it('refuses anyone else privately, with an audit denial, on the command, status and list', async () => {
    for (const text of ['', 'status qwen_demo', 'list']) {
      const answer = await command('U0STRANGER', text);
      expect(answer.text).toContain('not on the list of people who may deploy');
      expect(JSON.parse(answer.text).response_type).toBe('ephemeral');
    }
    expect(ports.described).toEqual([]);
    const refused = (await denials()).filter((d) => d.userId === 'U0STRANGER');
    expect(refused.map((d) => d.action).sort()).toEqual(['command', 'list', 'status']);
  });

  it('refuses a listed user in a channel where the bot is not enabled', async () => {
    const answer = await command('U0REQUEST', '', 'C0RANDOM');
    expect(answer.text).toContain('not enabled in this channel');
  });

  it('fails closed when Slack cannot say who is in the user group', async () => {
    // A new group membership is asked again only after the cache: a fresh app has an empty cache.
    const fresh = createSlackApp({
      config: {
        SLACK_BOT_TOKEN: 'xoxb-test',
        SLACK_SIGNING_SECRET: SECRET,
        SLACK_APP_TOKEN: undefined,
        SLACK_API_URL: standIn.apiUrl,
        EAS_ALLOWED_USERS: [],
        EAS_ALLOWED_USERGROUPS: ['S0DEPLOY'],
        EAS_ALLOWED_CHANNELS: [],
      },
      ports,
      retryConfig: { retries: 0 },
      health: async () => true,
      metrics: () => '',
    });
    const { port } = await fresh.start(0);
    try {
      standIn.failNext('usergroups.users.list', { error: 'missing_scope' });
      const answer = await postSigned(
        `http://127.0.0.1:${port}/slack/events`,
        buildSlashCommandBody({ user_id: 'U0MEMBER' }),
        FORM_CONTENT_TYPE,
        SECRET,
      );
      expect(answer.text).toContain('could not be checked');
      // Rate limited: the client would wait; the check does not, and still refuses.
      standIn.failNext('usergroups.users.list', { status: 429, retryAfterSeconds: 3 });
      const limited = await postSigned(
        `http://127.0.0.1:${port}/slack/events`,
        buildSlashCommandBody({ user_id: 'U0MEMBER' }),
        FORM_CONTENT_TYPE,
        SECRET,
      );
      expect(limited.text).toContain('could not be checked');
    } finally {
      await fresh.stop();
    }
  });

  it('checks again on submission: forged private_metadata does not open the door', async () => {
    const answer = await post(
      buildViewSubmissionBody({
        id: 'V0FORGED1',
        userId: 'U0STRANGER',
        private_metadata: JSON.stringify({ channelId: 'C0DEPLOY' }),
        values: buildStateValues(
          { service_name: 'sneaky', replicas: '1', port: '8000' },
          {
            region: 'cn-hangzhou',
            image: 'vllm',
            instance_type: 'ecs.gn7i-c16g1.4xlarge',
            network: 'shared',
          },
        ),
      }),
    );
    expect(answer.text).toContain('Not allowed');
    expect(ports.submitted).toEqual([]);
    expect((await denials()).some((d) => d.action === 'submission')).toBe(true);
  });

  it('refuses the redeploy and resend-token buttons to someone not allowed', async () => {
    for (const actionId of ['redeploy', 'resend_token']) {
      await post(
        buildBlockActionsBody({
          actionId,
          value: 'd-1',
          userId: 'U0STRANGER',
          message: { channelId: 'C0DEPLOY', ts: '1.000001' },
        }),
      );
    }
    await standIn.waitFor(
      () =>
        standIn.calls.filter(
          (c) =>
            c.method === 'chat.postEphemeral' &&
            c.args.user === 'U0STRANGER' &&
            JSON.stringify(c.args).includes('not on the list'),
        ).length >= 2,
      5_000,
    );
    const actions = (await denials()).map((d) => d.action);
    expect(actions).toContain('redeploy');
    expect(actions).toContain('resend-token');
  });

  it('answers a refusal the way each other surface allows, and keeps help open to all', async () => {
    const elsewhere = JSON.stringify({ channelId: 'C0RANDOM' });
    const asked = ports.catalogCalls.length;
    const options = await post(
      buildBlockSuggestionBody({ actionId: 'image', query: 'vllm', private_metadata: elsewhere }),
    );
    expect(JSON.parse(options.text)).toEqual({ options: [] });
    expect(ports.catalogCalls).toHaveLength(asked);
    await post(
      buildBlockActionsBody({
        actionId: 'region',
        selectedValue: 'cn-shanghai',
        private_metadata: elsewhere,
      }),
    );
    await standIn.waitFor(
      (c) =>
        c.method === 'chat.postEphemeral' &&
        c.args.channel === 'C0RANDOM' &&
        JSON.stringify(c.args).includes('not enabled in this channel'),
      5_000,
    );
    await post(buildViewSubmissionBody({ userId: 'U0REQUEST', private_metadata: elsewhere })).then(
      (answer) => expect(answer.text).toContain('Not allowed'),
    );
    await postSigned(url, homeOpened('U0STRANGER'), 'application/json', SECRET);
    const home = await standIn.waitFor(
      (c) => c.method === 'views.publish' && c.args.user_id === 'U0STRANGER',
      5_000,
    );
    expect(JSON.stringify(home.args.view)).toContain('not on the list of people who may deploy');
    expect((await command('U0STRANGER', 'help')).text).toContain('/eas-deploy status');
    const actions = (await denials()).map((d) => d.action);
    expect(actions).toEqual(expect.arrayContaining(['options', 'modal', 'submission', 'home']));
  });

  it('shows the audit log to approvers only', async () => {
    const refused = await command('U0REQUEST', 'audit 5');
    expect(refused.text).toContain('Only the approvers');
    await command('U0BOSS01', 'audit 5');
    const answer = await standIn.waitFor(
      (c) => c.method === 'response_url' && JSON.stringify(c.args).includes('audit entries'),
      5_000,
    );
    expect(answer.args.response_type).toBe('ephemeral');
    expect(JSON.stringify(answer.args)).toContain('refused');
  });
});

describe('a user group whose members change', () => {
  const membersChanged = (removed: string) =>
    postSigned(
      url,
      buildEventBody({
        type: 'subteam_members_changed',
        subteam_id: 'S0DEPLOY',
        team_id: 'T0001',
        date_previous_update: 1_700_000_000,
        date_update: 1_700_000_100,
        removed_users: [removed],
        removed_users_count: 1,
        event_ts: '1700000100.000100',
      }),
      'application/json',
      SECRET,
    );
  const asked = () =>
    standIn.calls.filter(
      (c) => c.method === 'usergroups.users.list' && c.args.usergroup === 'S0DEPLOY',
    ).length;

  it('is asked again as soon as Slack says so, and a removed member is refused', async () => {
    try {
      expect((await command('U0MEMBER')).text).toBe('');
      const askedBefore = asked();
      // Removed in Slack; until the event arrives the cached list still lets them in.
      groups.S0DEPLOY = [];
      expect((await command('U0MEMBER')).text).toBe('');
      expect(asked()).toBe(askedBefore);
      expect((await membersChanged('U0MEMBER')).status).toBe(200);
      const refused = await command('U0MEMBER');
      expect(refused.text).toContain('not on the list of people who may deploy');
      expect(asked()).toBe(askedBefore + 1);
    } finally {
      groups.S0DEPLOY = ['U0MEMBER'];
      await membersChanged('U0NOBODY');
    }
  });
});
