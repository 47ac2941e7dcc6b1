import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../../demo/local-stack.js';
import { connectRedis } from '../../support/redis.js';
import {
  deployAndWatch,
  expectTokenNowhere,
  readMessage,
  startServingStack,
} from './serving-stack.js';

let stack: LocalStack;
let redis: Redis;
const logLines: string[] = [];
beforeAll(async () => {
  redis = connectRedis();
  stack = await startServingStack({
    label: 'serving-check',
    logLines,
    serving: [
      { service: 'srv_503', mode: 'error', status: 503 },
      { service: 'srv_slow', mode: 'slow', delayMs: 700 },
      { service: 'srv_absent', mode: 'absent' },
    ],
  });
});
afterAll(async () => {
  await stack?.stop();
  redis.disconnect();
});

describe('the serving check after the summary', () => {
  it('ends a vLLM deployment with a Serving line naming the model the server reported', async () => {
    const flow = await deployAndWatch(stack, 'srv_vllm');
    expect(String(flow.watch.args.text)).toMatch(/^Serving — \/model_dir answered in \d+ ms$/);
    // The summary's curl already names /model_dir: no second curl.
    expect(readMessage(flow.watch)).not.toContain('chat/completions');
    // The parent's last edit carries the same line under the checklist.
    const edits = stack.slack.calls.filter(
      (c) => c.method === 'chat.update' && c.args.ts === flow.parentTs,
    );
    expect(JSON.stringify(edits.at(-1)?.args)).toContain('✓ Serving — /model_dir answered in');
    // The watch read the token again to call the endpoint; it is in no log, job or public message.
    await expectTokenNowhere(stack, redis, logLines, 'srv_vllm');
  });

  it('gives the curl with the model id the server reported when it differs from the summary', async () => {
    const flow = await deployAndWatch(stack, 'srv_named', {
      command: 'vllm serve /model_dir --served-model-name qwen-chat --port 8000',
    });
    expect(String(flow.watch.args.text)).toMatch(/^Serving — qwen-chat answered in \d+ ms$/);
    expect(readMessage(flow.watch)).toContain('\\"model\\":\\"qwen-chat\\"');
    expect(readMessage(flow.watch)).toContain('/api/predict/srv_named/v1/chat/completions');
  });

  it('says Not serving — 503 when the server answers 503', async () => {
    const flow = await deployAndWatch(stack, 'srv_503');
    expect(String(flow.watch.args.text)).toMatch(/^Not serving — 503/);
  });

  it('reports a slow server with the time it took', async () => {
    const flow = await deployAndWatch(stack, 'srv_slow');
    const ms = Number(/answered in (\d+) ms/.exec(String(flow.watch.args.text))?.[1]);
    expect(ms).toBeGreaterThanOrEqual(700);
  });

  it('says Not serving with the error when nothing answers at the endpoint', async () => {
    const flow = await deployAndWatch(stack, 'srv_absent');
    expect(String(flow.watch.args.text)).toMatch(
      /^Not serving — the internet endpoint could not be reached/,
    );
  });
});
