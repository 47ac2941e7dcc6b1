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
    label: 'serving-diag',
    logLines,
    failures: [
      { service: 'diag_pull', reason: 'image-pull' },
      { service: 'diag_oom', reason: 'out-of-memory' },
      { service: 'diag_port', reason: 'wrong-port' },
      { service: 'diag_nomodel', reason: 'model-not-found' },
      { service: 'diag_stock', reason: 'out-of-stock' },
      { service: 'diag_crash', reason: 'crash-loop' },
    ],
  });
});
afterAll(async () => {
  await stack?.stop();
  redis.disconnect();
});

const expectTokenNeverPublic = (name: string) => expectTokenNowhere(stack, redis, logLines, name);

describe('why a service is not serving, said in its thread', () => {
  it('diagnoses an image that cannot be pulled, with the warning event', async () => {
    const { watch } = await deployAndWatch(stack, 'diag_pull');
    expect(String(watch.args.text)).toBe('Not serving — Failed: the image could not be pulled');
    expect(readMessage(watch)).toContain('[Warning] ImagePullBackOff');
    expect(readMessage(watch)).toContain('registry');
  });

  it('diagnoses out of memory with the numbers and the log tail, the token removed', async () => {
    const { watch } = await deployAndWatch(stack, 'diag_oom');
    expect(String(watch.args.text)).toBe('Not serving — Failed: out of memory');
    expect(readMessage(watch)).toMatch(
      /the GPU has 22\.35 GiB in all and the server asked for 1\.50 GiB more/,
    );
    expect(readMessage(watch)).toContain('torch.OutOfMemoryError');
    expect(readMessage(watch)).toContain('EAS_TOKEN=[REDACTED]');
    await expectTokenNeverPublic('diag_oom');
  });

  it('diagnoses a health check on the wrong port once EAS_WATCH_MAX has passed', async () => {
    const { watch } = await deployAndWatch(stack, 'diag_port');
    expect(String(watch.args.text)).toMatch(
      /^Not serving — still Waiting after \d+s: the health check fails on the wrong port$/,
    );
    expect(readMessage(watch)).toContain(
      'EAS checks port 8000, but the server listens on port 8001',
    );
    expect(readMessage(watch)).toContain('Readiness probe failed');
    expect(readMessage(watch)).toContain('Uvicorn running on http://0.0.0.0:8001');
    await expectTokenNeverPublic('diag_port');
  });

  it('diagnoses a model path without a model', async () => {
    const { watch } = await deployAndWatch(stack, 'diag_nomodel', {
      oss_path: 'oss://models/empty/',
    });
    expect(String(watch.args.text)).toBe('Not serving — Failed: the model path was not found');
    expect(readMessage(watch)).toContain('oss://models/empty/');
    expect(readMessage(watch)).toContain('does not appear to have a file named config.json');
    await expectTokenNeverPublic('diag_nomodel');
  });

  it('diagnoses a type without capacity', async () => {
    const { watch } = await deployAndWatch(stack, 'diag_stock');
    expect(String(watch.args.text)).toBe(
      'Not serving — Failed: no capacity (out of stock or quota)',
    );
    expect(readMessage(watch)).toContain('[Warning] InsufficientResources');
    expect(readMessage(watch)).toContain('another instance type');
  });

  it('diagnoses a crash loop and shows how the process ended', async () => {
    const { watch } = await deployAndWatch(stack, 'diag_crash');
    expect(String(watch.args.text)).toBe('Not serving — Failed: the container keeps crashing');
    expect(readMessage(watch)).toContain('Engine core initialization failed');
    expect(readMessage(watch)).toContain('EAS_TOKEN=[REDACTED]');
    await expectTokenNeverPublic('diag_crash');
  });
});
