import { afterEach, describe, expect, it } from 'vitest';
import type { SimWorldInput } from '../../../sim/aliyun/world-schema.js';
import { buildBody, buildWorld, createSim, HZ } from './support/run-sim.js';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const clean of cleanups.splice(0).reverse()) await clean();
});

const single = (op: string, name: string, ...more: string[]) => [
  'eas',
  op,
  ...HZ,
  '--cluster-id',
  'cn-hangzhou',
  '--service-name',
  name,
  ...more,
];

/** A simulated account whose Running services answer on a loopback serving host. */
async function servingSim(world: Partial<SimWorldInput>) {
  const sim = await createSim({
    world: buildWorld({ lifecycle: { creatingMs: 0, waitingMs: 0 }, ...world }),
    serve: true,
  });
  cleanups.push(sim.cleanup);
  const endpoint = (name: string) => `${sim.servingUrl}/cn-hangzhou/api/predict/${name}`;
  const token = async (name: string) =>
    (await sim.run(single('describe-service-endpoints', name))).json.AccessToken as string;
  return { sim, endpoint, token };
}

describe('aliyun-sim: a Running service answers at the endpoint the cloud gives', () => {
  it('lists the served model at /v1/models with the service token, as vLLM does', async () => {
    const { sim, token } = await servingSim({});
    await sim.run(['eas', 'create-service', ...HZ, '--biz-body', buildBody()]);
    const listed = await sim.run(single('describe-service-endpoints', 'qwen_demo'));
    const [endpoint] =
      (listed.json.Endpoints as { InternetEndpoints: string[] }[])[0]?.InternetEndpoints ?? [];
    const answer = await fetch(`${endpoint}/v1/models`, {
      headers: { Authorization: await token('qwen_demo') },
    });
    expect(answer.status).toBe(200);
    expect(await answer.json()).toMatchObject({
      object: 'list',
      data: [{ id: '/model_dir', object: 'model', owned_by: 'vllm' }],
    });
  });

  it('answers a chat completion for the served model and 404 for another', async () => {
    const { sim, endpoint, token } = await servingSim({});
    await sim.run(['eas', 'create-service', ...HZ, '--biz-body', buildBody()]);
    const headers = { Authorization: await token('qwen_demo') };
    const chat = (model: string) =>
      fetch(`${endpoint('qwen_demo')}/v1/chat/completions`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ model, messages: [{ role: 'user', content: 'Hi' }] }),
      });
    expect(await (await chat('/model_dir')).json()).toMatchObject({
      object: 'chat.completion',
      model: '/model_dir',
    });
    expect((await chat('gpt-4')).status).toBe(404);
  });

  it('refuses a call without the token', async () => {
    const { sim, endpoint } = await servingSim({});
    await sim.run(['eas', 'create-service', ...HZ, '--biz-body', buildBody()]);
    expect((await fetch(`${endpoint('qwen_demo')}/v1/models`)).status).toBe(401);
  });

  it('answers 503 while the service is not Running yet', async () => {
    const { sim, endpoint, token } = await servingSim({
      lifecycle: { creatingMs: 600_000, waitingMs: 0 },
    });
    await sim.run(['eas', 'create-service', ...HZ, '--biz-body', buildBody()]);
    const answer = await fetch(`${endpoint('qwen_demo')}/v1/models`, {
      headers: { Authorization: await token('qwen_demo') },
    });
    expect(answer.status).toBe(503);
  });

  it('fails, or drops the connection, as the world says', async () => {
    const { sim, endpoint, token } = await servingSim({
      serving: {
        services: [
          { service: 'down_one', mode: 'error', status: 502 },
          { service: 'gone_one', mode: 'absent' },
        ],
      },
    });
    for (const name of ['down_one', 'gone_one']) {
      await sim.run(['eas', 'create-service', ...HZ, '--biz-body', buildBody({}, name)]);
    }
    const get = async (name: string) =>
      fetch(`${endpoint(name)}/v1/models`, { headers: { Authorization: await token(name) } });
    expect((await get('down_one')).status).toBe(502);
    await expect(get('gone_one')).rejects.toThrow('fetch failed');
  });

  it('answers a plain 200 at the endpoint of an image that is not a model server', async () => {
    const { sim, endpoint, token } = await servingSim({});
    const body = buildBody({
      containers: [
        {
          image: 'eas-registry-vpc.cn-hangzhou.cr.aliyuncs.com/pai-eas/comfyui:1.9-gpu',
          port: 8000,
        },
      ],
    });
    await sim.run(['eas', 'create-service', ...HZ, '--biz-body', body]);
    const answer = await fetch(endpoint('qwen_demo'), {
      headers: { Authorization: await token('qwen_demo') },
    });
    expect(answer.status).toBe(200);
  });
});

describe('aliyun-sim: what a failing service shows', () => {
  it('returns its log in pages with the real field names', async () => {
    const sim = await createSim({
      world: buildWorld({
        lifecycle: { creatingMs: 0, waitingMs: 0 },
        failures: [{ service: 'qwen_demo', reason: 'out-of-memory' }],
      }),
    });
    cleanups.push(sim.cleanup);
    await sim.run(['eas', 'create-service', ...HZ, '--biz-body', buildBody()]);
    const all = await sim.run(single('describe-service-log', 'qwen_demo'));
    expect(all.json).toMatchObject({ PageNum: 1, TotalPageNum: 1 });
    const logs = all.json.Logs as string[];
    expect(logs.at(-2)).toContain('torch.OutOfMemoryError: CUDA out of memory');
    const page = await sim.run(
      single('describe-service-log', 'qwen_demo', '--page-num', '2', '--page-size', '5'),
    );
    expect(page.json).toMatchObject({
      PageNum: 2,
      TotalCount: logs.length,
      Logs: logs.slice(5, 10),
    });
  });

  it('keeps a server on the wrong port Waiting, with a failing readiness probe, and lists only warnings when asked', async () => {
    const sim = await createSim({
      world: buildWorld({
        lifecycle: { creatingMs: 0, waitingMs: 0 },
        failures: [{ service: 'qwen_demo', reason: 'wrong-port' }],
      }),
    });
    cleanups.push(sim.cleanup);
    await sim.run(['eas', 'create-service', ...HZ, '--biz-body', buildBody()]);
    expect((await sim.run(single('describe-service', 'qwen_demo'))).json.Status).toBe('Waiting');
    const warnings = await sim.run(
      single('describe-service-event', 'qwen_demo', '--event-type', 'Warning'),
    );
    expect(warnings.json.Events).toEqual([
      expect.objectContaining({
        Type: 'Warning',
        Reason: 'Unhealthy',
        Message: expect.stringContaining('10.224.3.17:8000: connect: connection refused'),
      }),
    ]);
    const logs = (await sim.run(single('describe-service-log', 'qwen_demo'))).json.Logs as string[];
    expect(logs.at(-1)).toContain('Uvicorn running on http://0.0.0.0:8001');
  });
});
