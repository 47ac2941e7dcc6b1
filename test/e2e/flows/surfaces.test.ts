import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  LOCAL_SIGNING_SECRET,
  type LocalStack,
  startLocalStack,
} from '../../../demo/local-stack.js';
import {
  buildEventBody,
  buildSlashCommandBody,
  FORM_CONTENT_TYPE,
} from '../../../sim/slack/payloads.js';
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
    { timeout: 30_000, interval: 100 },
  );
}

describe('the surfaces that read the records the worker wrote', () => {
  it('lists the services the bot made, read from the cloud, and by region', async () => {
    const all = await typeUntil('list', (text) => text.includes('flow_home_bj'));
    expect(all).toContain('flow_home_hz');
    expect(all).toContain('flow_home_bj');
    expect(all).toMatch(/Running/);
    // Its deployment stopped at the name check: that service is not one the bot made.
    expect(all).not.toContain('qwen_chat_prod');
    const beijing = await type('list cn-beijing');
    expect(beijing).toContain('flow_home_bj');
    expect(beijing).not.toContain('flow_home_hz');
  });

  it('answers status with the status, instances running / total and the endpoints', async () => {
    const answer = await type('status flow_home_hz cn-hangzhou');
    expect(answer).toContain('`flow_home_hz` in cn-hangzhou: *Running* · 1/1 instances running');
    expect(answer).toContain(
      '• Internet: http://1234567890123456.cn-hangzhou.pai-eas.aliyuncs.com/api/predict/flow_home_hz',
    );
    expect(answer).toContain('• Intranet: http://');
  });

  it('says where else to look when a service is not in the region it guessed', async () => {
    const answer = await type('status flow_nowhere');
    expect(answer).toContain(
      'There is no service named flow_nowhere in cn-hangzhou. If it is in another region, name it: /eas-deploy status flow_nowhere <region>.',
    );
  });

  it('publishes the person’s own deployments on App Home', async () => {
    const event = (user: string) =>
      buildEventBody(
        { type: 'app_home_opened', user, channel: `D${user}`, tab: 'home', event_ts: '1.1' },
        { eventId: `Ev${user}` },
      );
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
