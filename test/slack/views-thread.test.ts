import { readdir, readFile } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { buildDeployModal, type DeployModalInput } from '../../blocks/deploy-modal.js';
import { FIELD } from '../../blocks/ids.js';
import { type SlackStandIn, startSlackStandIn } from '../../src/sim/slack/slack-standin.js';
import { createViewsThread, type ViewsThread } from '../../src/slack/views-thread/views-thread.js';

const modal: DeployModalInput = {
  prefill: { [FIELD.serviceName]: 'qwen-chat' },
  channelId: 'C0001',
  regions: ['cn-hangzhou'],
};
const view = buildDeployModal(modal);
const open: Array<{ thread: ViewsThread; standIn: SlackStandIn }> = [];

async function startThread() {
  const standIn = await startSlackStandIn();
  const thread = createViewsThread({
    token: 'xoxb-test',
    slackApiUrl: standIn.apiUrl,
    retryConfig: { retries: 0 },
  });
  open.push({ thread, standIn });
  return { standIn, thread };
}

/** Nice values of this process's threads, from /proc (Linux). */
async function threadNiceValues(): Promise<number[]> {
  const tasks = await readdir('/proc/self/task');
  const stats = await Promise.all(tasks.map((t) => readFile(`/proc/self/task/${t}/stat`, 'utf8')));
  // Fields after the command name: state is 3; nice is field 19.
  return stats.map((stat) => Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]));
}

afterEach(async () => {
  for (const { thread, standIn } of open.splice(0)) {
    await thread.close();
    await standIn.close();
  }
});

describe('the views thread', () => {
  it('builds the deploy modal and opens it at Slack with the trigger, answering its ids', async () => {
    const { standIn, thread } = await startThread();
    const shown = await thread.open('trigger-1', modal);
    const call = standIn.calls.find((c) => c.method === 'views.open');
    expect(call?.args).toMatchObject({
      trigger_id: 'trigger-1',
      view: { callback_id: view.callback_id },
    });
    expect(shown).toEqual({ id: expect.any(String), hash: expect.any(String) });
    expect(standIn.currentView(shown.id)?.hash).toBe(shown.hash);
  });

  it('sends the view exactly, whatever characters the form holds (the native form encoder)', async () => {
    const { standIn, thread } = await startThread();
    const odd: DeployModalInput = {
      ...modal,
      prefill: { [FIELD.serviceName]: 'a&b=c+d%20e#f "q" \\ 模型 🚀 ~!*\'()' },
    };
    await thread.open('trigger-odd', odd);
    const call = standIn.calls.find((c) => c.args.trigger_id === 'trigger-odd');
    expect(call?.args.view).toEqual(JSON.parse(JSON.stringify(buildDeployModal(odd))));
  });

  it('refuses with Slack’s error, and keeps serving afterwards', async () => {
    const { standIn, thread } = await startThread();
    standIn.failNext('views.open', { error: 'expired_trigger_id' });
    await expect(thread.open('trigger-2', modal)).rejects.toThrow(/expired_trigger_id/);
    await expect(thread.open('trigger-3', modal)).resolves.toMatchObject({
      id: expect.any(String),
    });
  });

  it.runIf(process.platform === 'linux')(
    'runs below the acknowledging thread: only it takes the lowest priority',
    async () => {
      const before = await threadNiceValues();
      const { thread } = await startThread();
      await thread.open('trigger-4', modal);
      const after = await threadNiceValues();
      expect(after.filter((nice) => nice === 19).length).toBe(
        before.filter((nice) => nice === 19).length + 1,
      );
      const self = await readFile('/proc/self/stat', 'utf8');
      expect(Number(self.slice(self.lastIndexOf(')') + 2).split(' ')[16])).toBe(0);
    },
  );

  it('refuses opens once closed', async () => {
    const { thread } = await startThread();
    await thread.close();
    await expect(thread.open('trigger-5', modal)).rejects.toThrow(/closed/);
  });
});
