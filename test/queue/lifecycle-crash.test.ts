import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LifecycleAction, LifecycleRequest } from '../../src/lifecycle/lifecycle-request.js';
import { createLifecycleProcessor } from '../../src/queue/process-lifecycle.js';
import {
  botLabels,
  crashingCli,
  createLifecycleHarness,
  type LifecycleHarness,
} from '../support/lifecycle-harness.js';

/**
 * Every lifecycle operation runs once under a crash at every step boundary: the worker dies
 * before or right after each CLI call (the call took effect, nothing was saved), or while posting
 * the answer. The re-run reads the service first and changes the cloud only when it is not there
 * yet: one changing call, one answer in the thread, each time.
 */
interface Case {
  readonly action: LifecycleAction;
  /** The call that changes the cloud. */
  readonly op: string;
  /** describe-service first, then the action's own calls. */
  readonly calls: number;
  readonly extra?: Partial<LifecycleRequest>;
  /** Brings a fresh service to where the action can start (a stopped one to start, …). */
  readonly setup?: (h: LifecycleHarness, service: string) => Promise<unknown>;
}

const on = (op: string, service: string, ...flags: string[]) => [
  'eas',
  op,
  '--region',
  'cn-hangzhou',
  '--cluster-id',
  'cn-hangzhou',
  '--service-name',
  service,
  ...flags,
];

const CASES: Case[] = [
  { action: 'stop', op: 'eas stop-service', calls: 2 },
  {
    action: 'start',
    op: 'eas start-service',
    calls: 2,
    setup: (h, s) => h.sim(on('stop-service', s)),
  },
  { action: 'restart', op: 'eas restart-service', calls: 2 },
  { action: 'scale', op: 'eas scale-service', calls: 2, extra: { replicas: 3 } },
  {
    action: 'rollback',
    op: 'eas update-service-version',
    // describe, list-service-versions, update-service-version
    calls: 3,
    setup: (h, s) =>
      h.sim(
        on(
          'update-service',
          s,
          '--biz-body',
          JSON.stringify({ metadata: { name: s, instance: 1, cpu: 4 } }),
        ),
      ),
  },
  { action: 'delete', op: 'eas delete-service', calls: 2 },
];

type Boundary = { label: string; at?: number; when?: 'before' | 'after'; report?: true };

const boundariesOf = (c: Case): Boundary[] => [
  ...Array.from({ length: c.calls }, (_, i) =>
    (['before', 'after'] as const).map((when) => ({
      label: `${when} call ${i + 1}`,
      at: i + 1,
      when,
    })),
  ).flat(),
  { label: 'while posting the answer', report: true },
];

describe.each(CASES)('$action under a crash at every step boundary', (c) => {
  const boundaries = boundariesOf(c);
  const names = boundaries.map((_, i) => `${c.action}_b${i}`);
  let h: LifecycleHarness;
  beforeAll(async () => {
    h = await createLifecycleHarness(
      [`${c.action}_clean`, ...names].map((name) => ({
        name,
        image: 'eas-registry-vpc.cn-hangzhou.cr.aliyuncs.com/pai-eas/vllm:0.14.0-gpu',
        labels: botLabels(),
      })),
    );
    for (const name of [`${c.action}_clean`, ...names]) await c.setup?.(h, name);
  }, 60_000);
  afterAll(async () => h?.close());

  const request = (service: string): LifecycleRequest => ({
    action: c.action,
    service,
    region: 'cn-hangzhou',
    ...c.extra,
  });
  const changes = async (service: string) =>
    (await h.calls()).filter(
      (call) =>
        `${call.argv[0]} ${call.argv[1]}` === c.op &&
        call.argv.includes(service) &&
        call.exitCode === 0,
    );
  const callsOn = async (service: string) =>
    (await h.calls()).filter(
      (call) => call.argv.includes(service) && call.argv.some((a) => a.includes('(lifecycle ')),
    );

  it(`makes ${c.calls} calls, one of them ${c.op}, and answers once when nothing breaks`, async () => {
    const service = `${c.action}_clean`;
    const opId = await h.queueOp(request(service));
    const outcome = await createLifecycleProcessor(h.deps)(await h.job(opId));
    expect(outcome).toMatchObject({ result: 'done', changed: true });
    expect(await callsOn(service)).toHaveLength(c.calls);
    expect(await changes(service)).toHaveLength(1);
  });

  boundaries.forEach((boundary, i) => {
    it(`runs once when the worker dies ${boundary.label}`, async () => {
      const service = names[i] ?? '';
      const opId = await h.queueOp(request(service));
      let postsFailed = 0;
      const reporter = h.deps.reporter;
      const first = createLifecycleProcessor({
        ...h.deps,
        cli: boundary.at ? crashingCli(h.cli, boundary.at, boundary.when ?? 'after') : h.cli,
        reporter: boundary.report
          ? {
              ...reporter,
              post: async () => {
                postsFailed += 1;
                throw new Error('worker died while posting');
              },
            }
          : reporter,
      });
      await expect(first(await h.job(opId))).rejects.toThrow(/worker died/);
      const again = await createLifecycleProcessor(h.deps)(await h.job(opId));
      expect(again).toMatchObject({ result: 'done' });
      expect(await changes(service)).toHaveLength(1);
      const answers = h.said.filter((s) => JSON.stringify(s.message).includes(service));
      expect(answers).toHaveLength(1);
      expect(answers[0]?.where).toEqual({ channelId: 'C0SERVICE' });
      if (boundary.report) expect(postsFailed).toBe(1);
      const audited = await h.audit.recentAudit(200);
      expect(audited.filter((e) => e.deploymentId === opId && e.kind === 'result')).toHaveLength(1);
    });
  });
});
