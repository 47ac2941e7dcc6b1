import { QueueEvents } from 'bullmq';
import { afterAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { createWatchProcessor } from '../../src/queue/process-watch.js';
import { createRedisConnection } from '../../src/queue/redis-connection.js';
import type { WatchJobInput } from '../../src/queue/watch-job-data.js';
import { createWatchQueue, enqueueWatch, WATCH_QUEUE } from '../../src/queue/watch-queue.js';
import { startWatchWorker } from '../../src/queue/watch-worker.js';
import { countAllowedChecks } from '../../src/serving/watch-schedule.js';
import { createRecordingReporter } from '../support/recording-reporter.js';
import { connectRedis, deleteKeys, REDIS_URL, uniquePrefix } from '../support/redis.js';
import { createScriptedCli, failWith, textFixture } from '../support/scripted-cli.js';

const TOKEN = 'Zm9vYmFyQmF6UXV4MTIzNDU2Nzg5MGFiY2RlZmdo';
const prefix = uniquePrefix('watch');
const redis = connectRedis();
const producer = createRedisConnection(REDIS_URL, 'worker');
const consumer = createRedisConnection(REDIS_URL, 'worker');
const queue = createWatchQueue(producer, prefix);
const events = new QueueEvents(WATCH_QUEUE, {
  connection: createRedisConnection(REDIS_URL, 'worker'),
  prefix,
});
const reporter = createRecordingReporter();
const schedule = { firstMs: 50, capMs: 400, maxMs: 2_000 };
const service = (name: string, Status: string) => ({
  ServiceName: name,
  Status,
  Reason: Status === 'Failed' ? 'ImagePullBackOff' : '',
  AccessToken: TOKEN,
  InternetEndpoint: `http://1.cn-hangzhou.pai-eas.aliyuncs.com/api/predict/${name}`,
});
const named = (args: readonly string[]) => args[args.indexOf('--service-name') + 1] ?? '';
const cli = createScriptedCli([
  {
    prefix: ['eas', 'describe-service'],
    when: (a) => a[1] === 'describe-service',
    replies: (a) =>
      named(a) === 'watch_gone'
        ? failWith(textFixture('describe-service.not-found.txt'))
        : { stdout: service(named(a), named(a) === 'watch_stuck' ? 'Waiting' : 'Failed') },
  },
  {
    prefix: ['eas', 'describe-service-event'],
    replies: [
      {
        stdout: {
          Events: [
            { Type: 'Warning', Reason: 'ImagePullBackOff', Message: 'Back-off pulling image' },
          ],
          PageNum: 1,
          TotalCount: 1,
          TotalPageNum: 1,
        },
      },
    ],
  },
  {
    prefix: ['eas', 'describe-service-log'],
    replies: [{ stdout: { Logs: ['starting', `token is ${TOKEN}`], TotalPageNum: 1 } }],
  },
]);
const worker = startWatchWorker({
  connection: consumer,
  prefix,
  concurrency: 2,
  logger: createLogger({ level: 'silent' }),
  processor: createWatchProcessor({
    cli,
    reporter,
    logger: createLogger({ level: 'silent' }),
    schedule,
    probeTimeoutMs: 1_000,
  }),
});

afterAll(async () => {
  await worker.close();
  await events.close();
  await queue.obliterate({ force: true });
  await queue.close();
  await deleteKeys(redis, prefix);
  for (const c of [producer, consumer, redis]) c.disconnect();
});

const request = (serviceName: string, kind: 'watch' | 'diagnose'): WatchJobInput => ({
  deploymentId: `d-${serviceName.replace(/_/g, '')}`,
  channelId: 'C1',
  userId: 'U1',
  parentTs: '1700000000.000100',
  region: 'cn-hangzhou',
  serviceName,
  kind,
  image: 'eas-registry-vpc.cn-hangzhou.cr.aliyuncs.com/pai-eas/vllm:0.14.0-gpu',
  port: 8000,
  outcome: kind === 'watch' ? 'deployed' : 'failed',
  startedAt: Date.now(),
  lastStatus: 'Creating',
});

async function run(input: WatchJobInput): Promise<unknown> {
  await enqueueWatch(queue, input, schedule.firstMs);
  const job = await queue.getJob(`watch-${input.deploymentId}`);
  if (!job) throw new Error('job missing');
  return job.waitUntilFinished(events, 20_000);
}

const reportsOf = (serviceName: string) =>
  reporter.reports.filter((r) => r.address.serviceName === serviceName);
const describesOf = (serviceName: string) =>
  cli.callsOf('eas', 'describe-service').filter((c) => named(c) === serviceName);

describe('the serving watch job', () => {
  it('explains a deployment that failed after create, with the token removed from the log', async () => {
    expect(await run(request('watch_failed', 'diagnose'))).toBe('diagnosed');
    const [report] = reportsOf('watch_failed');
    expect(report?.kind).toBe('serving');
    const diagnosis = report?.serving?.kind === 'diagnosis' ? report.serving.diagnosis : undefined;
    expect(diagnosis?.cause).toBe('image-pull');
    expect(diagnosis?.logTail).toEqual(['starting', 'token is [REDACTED]']);
    expect(report?.status?.line).toBe(
      '✗ Not serving — Failed: the image could not be pulled · details in the thread',
    );
    const eventCall = cli.callsOf('eas', 'describe-service-event').at(-1) ?? [];
    expect(eventCall.join(' ')).toContain('--event-type Warning');
    const job = await queue.getJob('watch-d-watchfailed');
    expect(JSON.stringify(job?.data)).not.toContain(TOKEN);
  });

  it('says nothing more when the failed deployment never created the service', async () => {
    expect(await run(request('watch_gone', 'diagnose'))).toBe('gone');
    expect(reportsOf('watch_gone')).toEqual([]);
  });

  it('follows a service that never runs with back-off, edits the parent once, then explains', async () => {
    expect(await run(request('watch_stuck', 'watch'))).toBe('diagnosed');
    // Several checks with back-off, never more than the schedule allows (fewer if runs were late).
    expect(describesOf('watch_stuck').length).toBeGreaterThan(2);
    expect(describesOf('watch_stuck').length).toBeLessThanOrEqual(countAllowedChecks(schedule));
    const kinds = reportsOf('watch_stuck').map((r) => r.kind);
    expect(kinds).toEqual(['status', 'serving']);
    expect(reportsOf('watch_stuck')[0]?.status?.line).toContain('⏳ Status: Waiting');
    const last = reportsOf('watch_stuck')[1]?.serving;
    expect(last?.kind === 'diagnosis' && last.diagnosis.line).toMatch(
      /^Not serving — still Waiting after/,
    );
  });

  it('adds one watch per deployment, however often it is asked', async () => {
    const input = request('watch_once', 'diagnose');
    await enqueueWatch(queue, input, 0);
    await enqueueWatch(queue, input, 0);
    const job = await queue.getJob('watch-d-watchonce');
    await job?.waitUntilFinished(events, 20_000);
    expect(reportsOf('watch_once')).toHaveLength(1);
  });
});
