import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Job } from 'bullmq';
import type { SlackMessage } from '../../blocks/progress-message.js';
import { readSimCallLog, type SimCall } from '../../sim/aliyun/call-log.js';
import { buildDemoWorld } from '../../sim/aliyun/demo-world.js';
import { findSimExecutable, prepareSimEnv } from '../../sim/aliyun/sim-env.js';
import type { SimWorldInput } from '../../sim/aliyun/world-schema.js';
import { type CliRunner, createExecaCliRunner } from '../../src/aliyun/cli-runner.js';
import { LifecycleJournal } from '../../src/lifecycle/lifecycle-journal.js';
import type { LifecycleRequest } from '../../src/lifecycle/lifecycle-request.js';
import { buildLifecycleSettings } from '../../src/lifecycle/lifecycle-settings.js';
import { createLogger } from '../../src/logger.js';
import { readCliEnvironment } from '../../src/process-env.js';
import { createDeploymentRecords } from '../../src/queue/deployment-records.js';
import { createExpirySchedules } from '../../src/queue/expiry-schedules.js';
import type { LifecycleJobData } from '../../src/queue/lifecycle-job-data.js';
import type { LifecycleProcessorDeps } from '../../src/queue/lifecycle-processor-deps.js';
import {
  ACTION_JOB,
  ACTION_JOB_OPTIONS,
  createLifecycleQueue,
  type LifecycleQueue,
  lifecycleOpId,
} from '../../src/queue/lifecycle-queue.js';
import type { ServiceThread } from '../../src/queue/lifecycle-reporter.js';
import { createAuditLog } from '../../src/security/audit-log.js';
import { connectRedis, deleteKeys, uniquePrefix } from './redis.js';

export const OWNER = 'U0OWNER';

/** The labels of a service the bot made, owned by OWNER, expiring far in the future. */
export const botLabels = (requestId = 'd-0harness01') => ({
  'eas-deploy.request-id': requestId,
  'eas-deploy.owner': OWNER,
  'eas-deploy.expires-at': '2099-01-01T00:00:00Z',
  'eas-deploy.channel': 'C0SERVICE',
  'eas-deploy.managed-by': 'eas-deploy',
});

/** What the processor said, and where. */
export interface Said {
  readonly kind: 'post' | 'private';
  readonly where?: ServiceThread;
  readonly userId?: string;
  readonly message: SlackMessage;
}

/**
 * The lifecycle processor's world for tests: real Redis (own prefix), the real simulator
 * executable on its own state, a recording reporter, the real records, schedules and audit log.
 */
export async function createLifecycleHarness(
  services: NonNullable<SimWorldInput['regions']>[string]['services'],
  options: { admins?: string[] } = {},
) {
  const dir = await mkdtemp(join(tmpdir(), 'lifecycle-'));
  const demo = buildDemoWorld();
  const world: SimWorldInput = {
    ...demo,
    lifecycle: { creatingMs: 0, waitingMs: 0, invisibleMs: 0, transitionMs: 0 },
    regions: { 'cn-hangzhou': { ...demo.regions['cn-hangzhou'], services } },
  };
  const simEnv = await prepareSimEnv({ dir, world });
  const cli = createExecaCliRunner({
    executable: findSimExecutable(),
    env: { ...readCliEnvironment(), ...simEnv },
  });
  const prefix = uniquePrefix('lifecycle');
  const redis = connectRedis();
  const queue: LifecycleQueue = createLifecycleQueue(redis, prefix);
  const said: Said[] = [];
  const logger = createLogger({ level: 'silent' });
  const audit = createAuditLog({ redis, prefix, logger, maxEntries: 1000 });
  const settings = buildLifecycleSettings(
    {
      EAS_ADMIN_USERS: options.admins ?? [],
      EAS_DEFAULT_TTL: '1d',
      EAS_REMIND_BEFORE: 3_600_000,
      EAS_TTL_ACTION: 'stop',
    },
    ['cn-hangzhou'],
  );
  const deps: LifecycleProcessorDeps = {
    cli,
    reporter: {
      post: async (where, message) => {
        said.push({ kind: 'post', where, message });
        return `${said.length}.000`;
      },
      tellPrivately: async (userId, message, where) => {
        said.push({ kind: 'private', userId, message, ...(where ? { where } : {}) });
      },
    },
    records: createDeploymentRecords(redis, prefix),
    schedules: createExpirySchedules(queue),
    settings,
    enqueue: async (data) => {
      await queue.add(ACTION_JOB, data, { ...ACTION_JOB_OPTIONS, jobId: data.opId });
    },
    logger,
    audit,
    deleteNeedsApproval: false,
  };
  const statePath = simEnv.ALIYUN_SIM_STATE ?? '';
  return {
    cli,
    deps,
    queue,
    said,
    audit,
    redis,
    prefix,
    /** Runs one simulator command directly (set-up: stop a service, add a version). */
    sim: (args: string[]) => cli.run(args),
    calls: (): Promise<SimCall[]> => readSimCallLog(statePath),
    /** Queues an operation as a person's request and answers the stored BullMQ job. */
    async queueOp(request: LifecycleRequest, userId = OWNER, tag = 'test') {
      const opId = lifecycleOpId([tag, request.action, request.service]);
      const data: LifecycleJobData = {
        kind: 'action',
        opId,
        request,
        actor: { kind: 'person', userId, channelId: 'C0ASKED' },
        journal: LifecycleJournal.parse({}),
        requestedAt: Date.now(),
      };
      await queue.add(ACTION_JOB, data, { ...ACTION_JOB_OPTIONS, jobId: opId });
      return opId;
    },
    /** The job as Redis holds it now (a re-run reads what the last run saved). */
    async job(opId: string): Promise<Job> {
      const job = await Job.fromId(queue, opId);
      if (!job) throw new Error(`no job ${opId}`);
      return job;
    },
    async close() {
      await queue.close();
      await deleteKeys(redis, prefix);
      redis.disconnect();
      // A simulator child started just before the stop may still be writing: rm retries ENOTEMPTY.
      await rm(dir, { recursive: true, force: true, maxRetries: 10 });
    },
  };
}

export type LifecycleHarness = Awaited<ReturnType<typeof createLifecycleHarness>>;

/** A CLI that dies at its `at`-th call: before running it, or right after it took effect. */
export function crashingCli(inner: CliRunner, at: number, when: 'before' | 'after'): CliRunner {
  let seen = 0;
  return {
    async run(args, options) {
      seen += 1;
      if (seen === at && when === 'before') throw new Error(`worker died before call ${at}`);
      const result = await inner.run(args, options);
      if (seen === at && when === 'after') throw new Error(`worker died after call ${at}`);
      return result;
    },
  };
}
