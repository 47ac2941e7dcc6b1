import type { Redis } from 'ioredis';
import { expect } from 'vitest';
import { type LocalStack, startLocalStack } from '../../../demo/local-stack.js';
import { filterSimCalls, readSimCallLog, type SimCall } from '../../../sim/aliyun/call-log.js';
import type { SimFailureReason } from '../../../sim/aliyun/failure-causes.js';
import type { SimServingRule } from '../../../sim/aliyun/serving-schema.js';
import type { RecordedCall } from '../../../sim/slack/slack-standin.js';
import { createLogger } from '../../../src/logger.js';
import { REDIS_URL, uniquePrefix } from '../../support/redis.js';
import { findSecretIn, scanRedisForSecret } from '../../support/scan-secrets.js';
import { readTokenFromSim } from '../../support/sim-token.js';
import { deployThroughSlack, type FlowResult } from '../flows/deploy-through-slack.js';
import { buildFlowWorld, vllmImage } from '../flows/flow-world.js';

export const GPU = 'ecs.gn7i-c16g1.4xlarge';
export const EIGHT_A100 = {
  InstanceType: 'ecs.gn7-c96g1.24xlarge',
  CPU: 96,
  Memory: 736,
  GPU: 'A100',
  GPUAmount: 8,
  GPUMemory: 80,
};
/** What the tests set: a quick first check, so a whole watch fits in seconds. */
export const FIRST_CHECK_MS = 100;
export const WATCH_MAX = '4s';

/** The whole stack with a serving host: services come up at once, some answer badly, some fail. */
export async function startServingStack(options: {
  label: string;
  serving?: Partial<SimServingRule>[];
  failures?: { service: string; reason: SimFailureReason }[];
  env?: Record<string, string>;
  /** Collects every line the product logs, at the most talkative level, after its own masking. */
  logLines?: string[];
}): Promise<LocalStack> {
  const world = buildFlowWorld();
  const hangzhou = world.regions['cn-hangzhou'];
  // A type large enough for a 72B model with tensor parallelism, for the fit check to suggest.
  if (hangzhou) hangzhou.instanceSpecs = [...(hangzhou.instanceSpecs ?? []), EIGHT_A100];
  return startLocalStack({
    redisUrl: REDIS_URL,
    prefix: uniquePrefix(options.label),
    serve: true,
    ...(options.logLines
      ? {
          logger: createLogger({
            level: 'trace',
            destination: { write: (line) => options.logLines?.push(line) },
          }),
        }
      : {}),
    sim: {
      world: {
        ...world,
        failures: options.failures ?? [],
        serving: { services: (options.serving ?? []) as SimServingRule[] },
      },
    },
    env: {
      EAS_WATCH_FIRST_CHECK_MS: String(FIRST_CHECK_MS),
      EAS_WATCH_MAX: WATCH_MAX,
      ...options.env,
    },
  });
}

const textOf = (call: RecordedCall): string => JSON.stringify(call.args);
const SERVING_LINE = /^(Serving|Not serving) — /;

/** A deployment from the form to its summary, then the watch's line in the same thread. */
export async function deployAndWatch(
  stack: LocalStack,
  serviceName: string,
  fields: Record<string, string> = {},
): Promise<FlowResult & { watch: RecordedCall }> {
  const flow = await deployThroughSlack(
    stack,
    { service_name: serviceName, ...fields },
    { region: 'cn-hangzhou', image: vllmImage('cn-hangzhou'), instance_type: GPU },
  );
  const watch = await stack.slack.waitFor(
    (c) =>
      c.method === 'chat.postMessage' &&
      c.args.thread_ts === flow.parentTs &&
      SERVING_LINE.test(String(c.args.text)),
    30_000,
  );
  return { ...flow, watch };
}

/** The thread's text as a person reads it: every block's text of one message. */
export const readMessage = (call: RecordedCall): string => textOf(call);

/** describe-service calls the bot made for one service (the harness's own reads carry no user agent). */
export async function countDescribes(stack: LocalStack, serviceName: string): Promise<number> {
  const log: SimCall[] = await readSimCallLog(stack.simEnv.ALIYUN_SIM_STATE ?? '');
  return filterSimCalls(log, 'eas describe-service').filter(
    (c) => c.argv.includes('--user-agent') && c.argv.includes(serviceName),
  ).length;
}

/**
 * The service's own token (which the simulated log also prints) reached no public message, no log
 * line and no Redis key under the stack's prefix; only the requester's private message has it.
 */
export async function expectTokenNowhere(
  stack: LocalStack,
  redis: Redis,
  logLines: readonly string[],
  serviceName: string,
): Promise<void> {
  const token = await readTokenFromSim(stack.simEnv, 'cn-hangzhou', serviceName);
  const isPublic = (c: RecordedCall) =>
    ['chat.postMessage', 'chat.update'].includes(c.method) &&
    !String(c.args.channel).startsWith('D');
  for (const call of stack.slack.calls.filter(isPublic)) {
    expect(findSecretIn(JSON.stringify(call.args), token)).toEqual([]);
  }
  expect(findSecretIn(logLines.join(''), token)).toEqual([]);
  expect(await scanRedisForSecret(redis, stack.config.QUEUE_PREFIX, token)).toEqual([]);
}
