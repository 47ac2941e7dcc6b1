import { LogLevel, webApi } from '@slack/bolt';
import { z } from 'zod';
import { buildDeployModal } from '../blocks/deploy-modal.js';
import { DEFAULT_REGIONS } from '../src/slack/listener-deps.js';
import { openView } from '../src/slack/send-view.js';
import { createSlackFetch } from '../src/slack/slack-fetch.js';
import { spawnNode } from './child-process.js';

/** CPU of one views.open of the deploy modal, in ms, two ways (see run-views-open-cost.ts). */
export const ViewsOpenCost = z.object({
  /** The Web API client as it comes: Node's global fetch, the view passed as an object. */
  sdkDefaultMs: z.number(),
  /** The bot's path: the undici transport and the view passed JSON-encoded (openView). */
  botMs: z.number(),
  calls: z.number(),
});
export type ViewsOpenCost = z.infer<typeof ViewsOpenCost>;

/** Runs the measurement in its own process (the stand-in's CPU stays out of it). */
export async function runViewsOpenCost(script: string, apiUrl: string, calls: number) {
  const child = spawnNode('views-open-cost', script, [apiUrl, String(calls)], {});
  const code = await child.exited;
  const line = child.output().trim().split('\n').pop() ?? '';
  const parsed = ViewsOpenCost.safeParse(code === 0 ? JSON.parse(line) : undefined);
  if (!parsed.success) throw new Error(`views.open cost failed (${code}): ${child.output()}`);
  return parsed.data;
}

const CONCURRENCY = 4;

/** Opens the modal `calls` times each way against the stand-in and returns this process's CPU per call. */
export async function measureViewsOpenCost(apiUrl: string, calls: number): Promise<ViewsOpenCost> {
  const options = { slackApiUrl: apiUrl, retryConfig: { retries: 0 }, logLevel: LogLevel.ERROR };
  const plain = new webApi.WebClient('xoxb-bench-token', options);
  const bot = new webApi.WebClient('xoxb-bench-token', { ...options, fetch: createSlackFetch() });
  const modal = () =>
    buildDeployModal({ prefill: {}, channelId: 'C0001', regions: DEFAULT_REGIONS });
  let serial = 0;
  const trigger = () => {
    serial += 1;
    return `cost.${process.pid}.${serial}`;
  };
  const sdkDefault = async () => {
    await plain.views.open({ trigger_id: trigger(), view: modal() });
  };
  const botPath = async () => {
    await openView(bot, trigger(), modal());
  };
  // Warm both paths first so neither pays the other's JIT or connection set-up.
  await cpuPerCall(sdkDefault, 300);
  await cpuPerCall(botPath, 300);
  return {
    sdkDefaultMs: await cpuPerCall(sdkDefault, calls),
    botMs: await cpuPerCall(botPath, calls),
    calls,
  };
}

async function cpuPerCall(call: () => Promise<void>, calls: number): Promise<number> {
  let left = calls;
  const before = process.cpuUsage();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (left > 0) {
        left -= 1;
        await call();
      }
    }),
  );
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000 / calls;
}
