import { describe, expect, it } from 'vitest';
import {
  buildCommandProblem,
  buildHelpMessage,
  buildListAnswer,
  buildStatusAnswer,
} from '../../blocks/answers.js';
import { buildDeployModal } from '../../blocks/deploy-modal.js';
import { buildHomeView } from '../../blocks/home-view.js';
import { buildNoticeView } from '../../blocks/notice-view.js';
import { buildProgressMessage } from '../../blocks/progress-message.js';
import {
  buildDryRunMessage,
  buildProblemMessage,
  buildSummaryMessage,
} from '../../blocks/result-message.js';
import { buildImageOptions, buildInstanceOptions } from '../../blocks/select-options.js';
import { buildInviteHint, buildNotifyLine, buildTokenMessage } from '../../blocks/token-message.js';
import { sendThroughSlack } from '../support/through-slack.js';
import { IMAGES, INSTANCES } from './fixtures.js';

const long = (n: number) => 'z'.repeat(n);
const manyRegions = Array.from({ length: 150 }, (_, i) => `cn-region${i}`);
const items = Array.from({ length: 60 }, (_, i) => ({
  deploymentId: `d${i}`,
  serviceName: `svc_${long(60)}`,
  region: 'cn-hangzhou',
  state: long(150),
  serviceStatus: long(150),
  submittedAt: 1_700_000_000_000,
}));
const steps = Array.from({ length: 40 }, (_, i) => ({
  id: `step_${i}`,
  title: `Step ${i} ${long(50)}`,
  status: 'passed' as const,
  detail: long(400),
  startedAt: 0,
  finishedAt: 1500,
}));
const summaryInput = {
  serviceName: long(63),
  region: 'cn-hangzhou',
  status: 'Running',
  port: 8000,
  notes: [long(5000)],
  endpoints: Array.from({ length: 10 }, () => ({
    type: 'NLB',
    internet: null,
    intranet: `http://${long(200)}`,
    port: 8000,
  })),
  curlExamples: [long(5000), long(5000)],
  consoleUrl: 'https://pai.console.aliyun.com/#/eas',
};

const views = {
  'deploy modal (shared)': buildDeployModal({
    prefill: { service_name: long(500), image: long(400), command: long(4000) },
    channelId: 'C1',
    regions: manyRegions,
  }),
  'deploy modal (gateway, workspaces)': buildDeployModal({
    prefill: {},
    channelId: 'C1',
    regions: ['cn-hangzhou'],
    networkMode: 'gateway',
    workspaces: Array.from({ length: 120 }, (_, i) => ({ id: `ws${i}`, name: long(90) })),
  }),
  'deploy modal (nlb)': buildDeployModal({
    prefill: {
      network: 'nlb',
      nlb_id: long(400),
      vpc_id: long(400),
      vswitch_ids: long(4000),
      security_group: long(400),
      net_type: 'internet',
    },
    channelId: 'C1',
    regions: ['cn-hangzhou'],
    redeployOf: long(64),
  }),
  'app home': buildHomeView(items),
  notice: buildNoticeView(long(40), long(5000)),
};
const messages = {
  progress: buildProgressMessage({
    serviceName: long(63),
    region: 'cn-hangzhou',
    requesterId: 'U1',
    steps,
    now: 2000,
  }),
  summary: buildSummaryMessage(summaryInput, 'd1'),
  'dry run': buildDryRunMessage(
    {
      result: 'dry-run',
      serviceName: 'a',
      region: 'r',
      serviceJson: long(9000),
      notes: [long(4000)],
    },
    'd1',
  ),
  blocked: buildProblemMessage({
    kind: 'blocked',
    serviceName: 'a',
    step: 'name',
    reason: long(4000),
    deploymentId: 'd1',
  }),
  failed: buildProblemMessage({
    kind: 'failed',
    serviceName: 'a',
    step: 'create',
    reason: 'x',
    error: long(4000),
    deploymentId: 'd1',
  }),
  token: buildTokenMessage({ serviceName: 'a', token: long(100), deploymentId: 'd1' }),
  'invite hint': buildInviteHint('C1'),
  notify: buildNotifyLine({
    serviceName: long(63),
    region: 'r',
    result: 'failed',
    requesterId: 'U1',
    threadLink: 'https://x',
  }),
  help: buildHelpMessage(),
  problem: buildCommandProblem(long(4000)),
  status: buildStatusAnswer({
    serviceName: 'a',
    region: 'r',
    status: 'Failed',
    reason: long(5000),
  }),
  list: buildListAnswer(items),
  'empty list': buildListAnswer([], 'cn-hangzhou'),
};

describe('Block Kit limits, as Slack (the stand-in) checks them', () => {
  it.each(Object.entries(views))('Slack opens the %s view', async (_name, view) => {
    expect(await sendThroughSlack(view, 'view')).toEqual(expect.objectContaining({ ok: true }));
  });

  it.each(Object.entries(messages))('Slack accepts the %s message', async (_name, message) => {
    expect(await sendThroughSlack(message, 'message')).toEqual(
      expect.objectContaining({ ok: true }),
    );
  });

  it('Slack accepts the image and instance option lists in a select', async () => {
    const select = (id: string, options: unknown[]) => ({
      type: 'input',
      block_id: id,
      label: { type: 'plain_text', text: id },
      element: { type: 'static_select', action_id: id, options },
    });
    const view = {
      type: 'modal',
      title: { type: 'plain_text', text: 'Options' },
      submit: { type: 'plain_text', text: 'Go' },
      blocks: [
        select('image', buildImageOptions(IMAGES, '')),
        select('instance', buildInstanceOptions(INSTANCES, '')),
      ],
    };
    expect(await sendThroughSlack(view, 'view')).toEqual(expect.objectContaining({ ok: true }));
  });

  it('a builder that breaks a limit fails through Slack, naming the block', async () => {
    const summary = buildSummaryMessage(summaryInput, 'd1');
    // The kind of change the limits catch: a section built without the 3000-character cut.
    const broken = {
      ...summary,
      blocks: [...summary.blocks, { type: 'section', text: { type: 'mrkdwn', text: long(3001) } }],
    };
    const answer = await sendThroughSlack(broken, 'message');
    expect(answer).toMatchObject({ ok: false, error: 'invalid_blocks' });
    expect(JSON.stringify(answer.errors)).toContain(
      `json-pointer:/blocks/${summary.blocks.length}/text/text`,
    );
  });
});
