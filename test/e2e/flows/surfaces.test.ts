import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  LOCAL_SIGNING_SECRET,
  type LocalStack,
  startLocalStack,
} from '../../../demo/local-stack.js';
import { buildSlashCommandBody, FORM_CONTENT_TYPE } from '../../../sim/slack/payloads.js';
import { postSigned } from '../../../sim/slack/sign-request.js';
import type { RecordedCall } from '../../../sim/slack/slack-standin.js';
import { REDIS_URL, uniquePrefix } from '../../support/redis.js';
import { deployThroughSlack } from './deploy-through-slack.js';
import { buildFlowWorld, vllmImage } from './flow-world.js';

let stack: LocalStack;
const GPU = 'ecs.gn7i-c16g1.4xlarge';
const at = (region: string) => ({ region, image: vllmImage(region), instance_type: GPU });

beforeAll(async () => {
  stack = await startLocalStack({
    redisUrl: REDIS_URL,
    prefix: uniquePrefix('flow-surfaces'),
    sim: { world: buildFlowWorld() },
  });
  await deployThroughSlack(stack, { service_name: 'flow_home_hz' }, at('cn-hangzhou'));
  await deployThroughSlack(stack, { service_name: 'flow_home_bj' }, at('cn-beijing'));
  await deployThroughSlack(stack, { service_name: 'qwen_chat_prod' }, at('cn-hangzhou'));
});
afterAll(async () => stack?.stop());

const textOf = (c: RecordedCall) => JSON.stringify(c.args);

/** Types a slash command whose delayed answers go to the stand-in's response_url. */
async function type(text: string, userId = 'U0REQUEST') {
  const marker = `cmd-${Math.random().toString(36).slice(2, 8)}`;
  const answer = await postSigned(
    stack.eventsUrl,
    buildSlashCommandBody({
      text,
      user_id: userId,
      response_url: `${stack.slack.responseUrl}${marker}`,
    }),
    FORM_CONTENT_TYPE,
    LOCAL_SIGNING_SECRET,
  );
  if (answer.text) return answer.text;
  const later = await stack.slack
    .waitFor(
      (c) =>
        c.method === 'response_url' && String(c.args.url ?? c.args.path ?? '').includes(marker),
      10_000,
    )
    .catch(() => undefined);
  return later ? textOf(later) : '';
}

/** Types the command again (bounded) until its answer satisfies `done`. */
function typeUntil(text: string, done: (answer: string) => boolean): Promise<string> {
  return vi.waitFor(
    async () => {
      const answer = await type(text);
      if (!done(answer)) throw new Error(`not yet: ${answer.slice(0, 200)}`);
      return answer;
    },
    { timeout: 10_000, interval: 100 },
  );
}

describe('the surfaces that read the records the worker wrote', () => {
  it('lists recent deployments with their last-known status, and by region', async () => {
    // The worker writes the record's final state just after the thread's last reply: wait for it.
    const all = await typeUntil('list', (text) => !text.includes('*running*'));
    expect(all).toContain('flow_home_hz');
    expect(all).toContain('flow_home_bj');
    expect(all).toMatch(/Running/);
    expect(all).toMatch(/qwen_chat_prod.*(blocked|Blocked|stopped)/);
    const beijing = await type('list cn-beijing');
    expect(beijing).toContain('flow_home_bj');
    expect(beijing).not.toContain('flow_home_hz');
  });

  it('answers status with one describe-service result', async () => {
    const answer = await type('status flow_home_hz cn-hangzhou');
    expect(answer).toContain('flow_home_hz');
    expect(answer).toContain('Running');
  });

  it('publishes the person’s own deployments on App Home', async () => {
    const event = (user: string) =>
      JSON.stringify({
        token: 'x',
        team_id: 'T0001',
        api_app_id: 'A0EASDEPLOY',
        type: 'event_callback',
        event_id: `Ev${user}`,
        event_time: 1_700_000_000,
        event: { type: 'app_home_opened', user, channel: `D${user}`, tab: 'home', event_ts: '1.1' },
      });
    await postSigned(stack.eventsUrl, event('U0REQUEST'), 'application/json', LOCAL_SIGNING_SECRET);
    const mine = await stack.slack.waitFor(
      (c) => c.method === 'views.publish' && c.args.user_id === 'U0REQUEST',
      10_000,
    );
    expect(textOf(mine)).toContain('flow_home_hz');
    expect(textOf(mine)).toContain('flow_home_bj');
    await postSigned(stack.eventsUrl, event('U0OTHER'), 'application/json', LOCAL_SIGNING_SECRET);
    const theirs = await stack.slack.waitFor(
      (c) => c.method === 'views.publish' && c.args.user_id === 'U0OTHER',
      10_000,
    );
    expect(textOf(theirs)).not.toContain('flow_home_hz');
  });
});
