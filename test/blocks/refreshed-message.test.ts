import { describe, expect, it } from 'vitest';
import { buildRefreshedMessage } from '../../blocks/refreshed-message.js';
import { buildSummaryMessage } from '../../blocks/result-message.js';
import { sendThroughSlack } from '../support/through-slack.js';

const summary = buildSummaryMessage(
  {
    serviceName: 'qwen_demo',
    region: 'cn-hangzhou',
    status: 'Creating',
    endpoints: [],
    port: 8000,
    curlExamples: [],
    notes: [],
  },
  'd-1',
);
const running = {
  serviceName: 'qwen_demo',
  region: 'cn-hangzhou',
  status: 'Running',
  runningInstances: 1,
  totalInstances: 1,
};
const NOON = Date.UTC(2026, 0, 1, 12, 5);

describe('a summary refreshed in place', () => {
  it('puts the status line above the buttons and keeps the rest as it was', () => {
    const refreshed = buildRefreshedMessage(summary, running, NOON);
    const ids = refreshed.blocks.map((b) => b.block_id);
    expect(ids.slice(-3)).toEqual(['status_refresh', 'result_actions', 'service_actions']);
    expect(JSON.stringify(refreshed.blocks)).toContain(
      'Status at 12:05 UTC: *Running* · instances 1/1',
    );
    expect(refreshed.text).toBe(summary.text);
  });

  it('replaces the previous status line instead of adding another', () => {
    const once = buildRefreshedMessage(summary, running, NOON);
    const twice = buildRefreshedMessage(once, { ...running, status: 'Failed' }, NOON + 60_000);
    expect(twice.blocks.filter((b) => b.block_id === 'status_refresh')).toHaveLength(1);
    expect(JSON.stringify(twice.blocks)).toContain('*Failed*');
    expect(twice.blocks).toHaveLength(summary.blocks.length + 1);
  });

  it('stays within Slack message limits with a very long reason', async () => {
    const refreshed = buildRefreshedMessage(
      summary,
      { ...running, reason: 'x'.repeat(5000) },
      NOON,
    );
    expect(await sendThroughSlack(refreshed, 'message')).toMatchObject({ ok: true });
  });
});
