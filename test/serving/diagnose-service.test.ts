import { describe, expect, it } from 'vitest';
import {
  diagnoseService,
  findListeningPort,
  type ServiceEvidence,
} from '../../src/serving/diagnose-service.js';

const CONTEXT = {
  serviceName: 'qwen',
  port: 8000,
  image: 'eas-registry-vpc.cn-hangzhou.cr.aliyuncs.com/pai-eas/vllm:0.14.0-gpu',
  instanceType: 'ecs.gn7i-c16g1.4xlarge',
  mountPath: '/model_dir',
  modelPath: 'oss://models/qwen2.5-72b/',
};
const evidence = (over: Partial<ServiceEvidence>): ServiceEvidence => ({
  status: 'Failed',
  stuck: false,
  waitedMs: 90_000,
  events: [],
  logTail: [],
  ...over,
});
const warning = (Reason: string, Message: string) => ({ Type: 'Warning', Reason, Message });

describe('the diagnosis of a service that does not serve', () => {
  it('puts out of memory before the crash loop it causes, with the numbers it was given', () => {
    const d = diagnoseService(
      evidence({
        events: [
          warning('BackOff', 'Back-off restarting failed container main'),
          warning('OOMKilled', 'Container main was killed'),
        ],
      }),
      { ...CONTEXT, memoryNumbers: 'qwen2.5-72b needs about 144 GB; the type has 1 × 24 GB' },
    );
    expect(d.cause).toBe('out-of-memory');
    expect(d.why).toContain('144 GB');
    expect(d.events).toEqual([
      '[Warning] BackOff: Back-off restarting failed container main',
      '[Warning] OOMKilled: Container main was killed',
    ]);
  });

  it('reads the GPU numbers from a CUDA out-of-memory line when the size is not known', () => {
    const d = diagnoseService(
      evidence({
        logTail: [
          'torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 1.50 GiB. GPU 0 has a total capacity of 22.05 GiB of which 1.02 GiB is free.',
        ],
      }),
      CONTEXT,
    );
    expect(d.why).toContain('the GPU has 22.05 GiB in all and the server asked for 1.50 GiB more');
  });

  it('finds the port the server really listens on and says which one to use', () => {
    const d = diagnoseService(
      evidence({
        status: 'Waiting',
        stuck: true,
        waitedMs: 30 * 60_000,
        events: [
          warning(
            'Unhealthy',
            'Readiness probe failed: dial tcp 10.0.0.1:8000: connect: connection refused',
          ),
        ],
        logTail: ['INFO:     Uvicorn running on http://0.0.0.0:7860 (Press CTRL+C to quit)'],
      }),
      CONTEXT,
    );
    expect(d.line).toBe(
      'Not serving — still Waiting after 30m: the health check fails on the wrong port',
    );
    expect(d.next).toBe('Redeploy with port 7860, or change the start command to `--port 8000`.');
  });

  it.each([
    ['image-pull', [warning('ImagePullBackOff', 'Back-off pulling image')], []],
    [
      'model-not-found',
      [],
      ['OSError: /model_dir does not appear to have a file named config.json.'],
    ],
    ['out-of-stock', [warning('InsufficientResources', 'no enough resources')], []],
    ['crash-loop', [warning('CrashLoopBackOff', 'Back-off restarting failed container')], []],
  ] as const)('recognises %s', (cause, events, logTail) => {
    expect(
      diagnoseService(evidence({ events: [...events], logTail: [...logTail] }), CONTEXT).cause,
    ).toBe(cause);
  });

  it('says when it does not know the cause, and keeps the evidence', () => {
    const d = diagnoseService(
      evidence({
        events: [warning('Evicted', 'The node was low on resource: ephemeral-storage.')],
      }),
      CONTEXT,
    );
    expect(d.cause).toBe('unknown');
    expect(d.line).toBe('Not serving — Failed: cause not recognised');
    expect(d.why).toContain('does not recognise this cause');
    expect(d.events).toEqual([
      '[Warning] Evicted: The node was low on resource: ephemeral-storage.',
    ]);
  });

  it('explains a deployment step that failed after create from the step itself', () => {
    const d = diagnoseService(
      evidence({
        failedStep: {
          step: 'create',
          reason: 'create-service failed: 400 InvalidParameter quota exceeded',
        },
      }),
      CONTEXT,
    );
    expect(d.cause).toBe('out-of-stock');
  });

  it('reads only warning events', () => {
    const d = diagnoseService(
      evidence({ events: [{ Type: 'Normal', Reason: 'Pulled', Message: 'ok' }] }),
      CONTEXT,
    );
    expect(d.events).toEqual([]);
  });
});

describe('the port a server listens on, from its log', () => {
  it.each([
    ['INFO:     Uvicorn running on http://0.0.0.0:8001 (Press CTRL+C to quit)', 8001],
    ['Server listening on 0.0.0.0:9000', 9000],
    ['nothing here', undefined],
  ])('%s', (line, port) => {
    expect(findListeningPort([line])).toBe(port);
  });
});
