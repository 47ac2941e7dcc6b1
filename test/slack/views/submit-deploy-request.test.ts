import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildStateValues, buildViewSubmissionBody } from '../../../sim/slack/payloads.js';
import { type SlackHarness, startSlackHarness } from '../../support/slack-harness.js';

let h: SlackHarness;
beforeAll(async () => {
  h = await startSlackHarness({ ackBudgetMs: 300 });
});
afterAll(() => h.close());
beforeEach(() => {
  h.ports.submitted.length = 0;
  h.ports.submitAnswer = { status: 'queued', deploymentId: 'd-new' };
});

const good = { service_name: 'qwen_demo', replicas: '1', port: '8000' };
const selects = {
  region: 'cn-hangzhou',
  image: 'vllm',
  instance_type: 'ecs.gn7i-c16g1.4xlarge',
  network: 'shared',
};
const submit = (fields: Record<string, string>, sel = selects) =>
  h.post(buildViewSubmissionBody({ values: buildStateValues(fields, sel) }));

describe('submitting the deploy modal', () => {
  it('hands a good request to the queue with the channel from private_metadata and closes the modal', async () => {
    const answer = await submit(good);
    expect(answer.status).toBe(200);
    expect(answer.text).toBe('');
    expect(h.ports.submitted).toEqual([
      {
        spec: expect.objectContaining({
          serviceName: 'qwen_demo',
          region: 'cn-hangzhou',
          replicas: 1,
          port: 8000,
          dryRun: false,
        }),
        userId: 'U0REQUEST',
        channelId: 'C0DEPLOY',
      },
    ]);
  });

  it('names the bad block with response_action errors and enqueues nothing', async () => {
    const answer = await submit({ ...good, service_name: 'Qwen-Demo', port: '8080' });
    expect(answer.json).toMatchObject({
      response_action: 'errors',
      errors: {
        service_name: expect.stringContaining('lowercase'),
        port: expect.stringContaining('8080'),
      },
    });
    expect(h.ports.submitted).toEqual([]);
  });

  it('asks for the required fields that are missing', async () => {
    const answer = await submit(good, { region: 'cn-hangzhou' } as typeof selects);
    expect(answer.json).toMatchObject({
      response_action: 'errors',
      errors: { image: expect.any(String), instance_type: expect.any(String) },
    });
  });

  it('reads the dry-run checkbox and autoscaling bounds', async () => {
    const values = {
      ...buildStateValues({ ...good, autoscale_min: '1', autoscale_max: '3' }, selects),
      dry_run: {
        dry_run: {
          type: 'checkboxes',
          selected_options: [
            { text: { type: 'plain_text' as const, text: 'Dry run' }, value: 'dry_run' },
          ],
        },
      },
    };
    await h.post(buildViewSubmissionBody({ values }));
    expect(h.ports.submitted[0]?.spec).toMatchObject({
      dryRun: true,
      autoscale: { min: 1, max: 3 },
    });
  });

  it('shows a reserved name as an error on the service_name field', async () => {
    h.ports.submitAnswer = { status: 'name-reserved', byUserId: 'U0OTHER' };
    const answer = await submit(good);
    expect(answer.json).toMatchObject({
      response_action: 'errors',
      errors: {
        service_name:
          'Service name must be one nobody is deploying now (<@U0OTHER> is deploying qwen_demo), for example qwen_demo_2.',
      },
    });
  });

  it('says clearly that the queue is unavailable instead of hanging', async () => {
    h.ports.submitAnswer = 'hang';
    const hung = await submit(good);
    expect(hung.json).toMatchObject({
      response_action: 'push',
      view: { title: { text: 'Not queued' } },
    });
    h.ports.submitAnswer = 'throw';
    const down = await submit(good);
    expect(JSON.stringify(down.json)).toContain('ECONNREFUSED');
  });
});
