import { Redis } from 'ioredis';
import { type LocalStack, startLocalStack } from '../../../demo/local-stack.js';
import { createSlackUser } from '../../../demo/slack-user.js';
import { readSimCallLog, type SimCall } from '../../../sim/aliyun/call-log.js';
import { buildInstantWorld } from '../../../sim/aliyun/demo-world.js';
import type { SimFault } from '../../../sim/aliyun/world-schema.js';
import type { RecordedCall } from '../../../sim/slack/slack-standin.js';
import {
  createDeploymentRecords,
  type DeploymentRecord,
} from '../../../src/queue/deployment-records.js';
import { deleteKeys, uniquePrefix } from '../../support/redis.js';
import { FAST_RECOVERY } from './worker-process.js';

export const VLLM = 'eas-registry-vpc.cn-hangzhou.cr.aliyuncs.com/pai-eas/vllm:0.14.0-gpu';
export const CHANNEL = 'C0DEPLOY';

export interface ReliabilityStackOptions {
  readonly redisUrl?: string;
  readonly latencyMs?: number;
  readonly faults?: SimFault[];
  /** Extra environment for the bot and the worker process. */
  readonly env?: Record<string, string>;
}

/** The local stack without an in-process worker, plus what the reliability tests read back. */
export interface ReliabilityStack {
  readonly stack: LocalStack;
  readonly prefix: string;
  /** The environment a separate worker process needs (fast stalled-job recovery included). */
  readonly workerEnv: Record<string, string>;
  submit(
    viewId: string,
    serviceName: string,
    userId?: string,
  ): Promise<{ status: number; text: string }>;
  /** The simulator's calls made by deployments (their user agent names the deployment; the preflight's and the lifecycle's do not). */
  deploymentCalls(): Promise<SimCall[]>;
  creates(): Promise<SimCall[]>;
  /** Parent messages in the channel, and the thread replies under them. */
  parents(): RecordedCall[];
  threadReplies(parentTs: string): RecordedCall[];
  record(serviceName: string): Promise<DeploymentRecord | undefined>;
  stop(): Promise<void>;
}

const opOf = (call: SimCall): string => `${call.argv[0]} ${call.argv[1]}`;
export const isOp = (op: string) => (call: SimCall) => opOf(call) === op;

/** Starts one isolated stack: its own key prefix, simulator state file and Slack stand-in. */
export async function startReliabilityStack(
  options: ReliabilityStackOptions = {},
): Promise<ReliabilityStack> {
  const redisUrl = options.redisUrl ?? process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  const prefix = uniquePrefix('rel');
  const stack = await startLocalStack({
    redisUrl,
    prefix,
    withWorker: false,
    sim: {
      world: buildInstantWorld(),
      ...(options.latencyMs !== undefined ? { latencyMs: options.latencyMs } : {}),
      ...(options.faults ? { faults: options.faults } : {}),
    },
    env: { ...FAST_RECOVERY, ...options.env },
  });
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: null });
  redis.on('error', () => {});
  const records = createDeploymentRecords(redis, prefix);
  const statePath = stack.simEnv.ALIYUN_SIM_STATE ?? '';
  const deploymentCalls = async () =>
    (await readSimCallLog(statePath)).filter((c) => c.argv.some((a) => a.includes('(deployment ')));
  return {
    stack,
    prefix,
    workerEnv: { ...stack.processEnv, ...FAST_RECOVERY, ...options.env },
    submit: async (viewId, serviceName, userId) => {
      const person = createSlackUser({ eventsUrl: stack.eventsUrl, ...(userId ? { userId } : {}) });
      return person.submitForm(
        { service_name: serviceName, replicas: '1', port: '8000' },
        {
          region: 'cn-hangzhou',
          image: VLLM,
          instance_type: 'ecs.gn7i-c16g1.4xlarge',
          network: 'shared',
        },
        viewId,
      );
    },
    deploymentCalls,
    creates: async () => (await deploymentCalls()).filter(isOp('eas create-service')),
    parents: () =>
      stack.slack.calls.filter(
        (c) => c.method === 'chat.postMessage' && c.args.channel === CHANNEL && !c.args.thread_ts,
      ),
    threadReplies: (parentTs) =>
      stack.slack.calls.filter(
        (c) => c.method === 'chat.postMessage' && c.args.thread_ts === parentTs,
      ),
    record: async (serviceName) =>
      (await records.recent({}, 50)).find((r) => r.serviceName === serviceName),
    async stop() {
      await stack.stop();
      await deleteKeys(redis, prefix);
      redis.disconnect();
    },
  };
}

/** The ts Slack gave a recorded postMessage. */
export const tsOf = (call: RecordedCall): string => (call.response as unknown as { ts: string }).ts;
