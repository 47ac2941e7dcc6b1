import { describe, expect, it } from 'vitest';
import { runDeployment } from '../../src/deploy/run-deployment.js';
import { failWith, fixture, flagValue, textFixture } from '../support/scripted-cli.js';
import { buildContext, buildSpec, createdBody, createWorld } from './scripted-world.js';

const REG = 'eas-registry-vpc.cn-hangzhou.cr.aliyuncs.com/pai-eas';

describe('the read-only gates', () => {
  it('stops before create when the name is taken', async () => {
    const cli = createWorld({ services: [{ stdout: fixture('list-services.name-taken.json') }] });
    const outcome = await runDeployment(buildSpec(), buildContext(cli).ctx);
    expect(outcome.result).toEqual({
      result: 'blocked',
      step: 'name',
      reason:
        'A service named qwen_demo already exists in cn-hangzhou. eas-deploy never reuses or replaces a service: pick another name.',
    });
    expect(cli.callsOf('eas', 'create-service')).toEqual([]);
  });

  it('checks the exact name and is not blocked by a similar one', async () => {
    const cli = createWorld({ services: [{ stdout: fixture('list-services.similar-name.json') }] });
    const outcome = await runDeployment(buildSpec(), buildContext(cli).ctx);
    expect(outcome.result.result).toBe('deployed');
    expect(flagValue(cli.callsOf('eas', 'list-services')[0] ?? [], '--service-name')).toBe(
      'qwen_demo',
    );
  });

  it('turns a prefix into the prefix and 6 random digits, drawn again when taken, kept in the journal', async () => {
    let draws = [0.111111, 0.482917];
    const taken = {
      prefix: ['eas', 'list-services'],
      when: (a: readonly string[]) => flagValue(a, '--service-name') === 'qwen_111111',
      replies: [{ stdout: { Services: [{ ServiceName: 'qwen_111111', Status: 'Running' }] } }],
    };
    const cli = createWorld({}, [taken]);
    const { ctx, saved } = buildContext(cli);
    const random = () => {
      const [next, ...rest] = draws;
      draws = rest.length > 0 ? rest : draws;
      return next ?? 0.5;
    };
    const outcome = await runDeployment(buildSpec({ serviceName: 'qwen_*' }), { ...ctx, random });
    const asked = cli.callsOf('eas', 'list-services').map((c) => flagValue(c, '--service-name'));
    expect(asked).toEqual(['qwen_111111', 'qwen_482917']);
    expect(outcome.journal.resolvedServiceName).toBe('qwen_482917');
    expect(createdBody(cli)).toMatchObject({ metadata: { name: 'qwen_482917' } });
    expect(saved.at(-1)?.journal.resolvedServiceName).toBe(outcome.journal.resolvedServiceName);
    if (outcome.result.result !== 'deployed') throw new Error('not deployed');
    expect(outcome.result.summary.notes[0]).toBe(
      `The service is named ${outcome.journal.resolvedServiceName} (from qwen_*).`,
    );
  });

  it('always runs list-images and describe-machine-spec, even for a full image URI', async () => {
    const cli = createWorld();
    await runDeployment(
      buildSpec({ image: `${REG}/vllm:0.13.0rc2.a8ec486.20260305pai-gpu` }),
      buildContext(cli).ctx,
    );
    expect(cli.callsOf('aiworkspace', 'list-images')).toHaveLength(1);
    expect(cli.callsOf('eas', 'describe-machine-spec')).toHaveLength(1);
    expect(createdBody(cli)).toMatchObject({
      containers: [{ image: `${REG}/vllm:0.13.0rc2.a8ec486.20260305pai-gpu` }],
    });
  });

  it('never calls create without both validations: list-images failed', async () => {
    const cli = createWorld({ images: [failWith(textFixture('any.forbidden.txt'))] });
    const outcome = await runDeployment(buildSpec(), buildContext(cli).ctx);
    expect(outcome.result).toMatchObject({ result: 'failed', step: 'image' });
    expect(cli.callsOf('eas', 'create-service')).toEqual([]);
  });

  it('never calls create without both validations: describe-machine-spec failed', async () => {
    const cli = createWorld({ specs: [failWith(textFixture('any.forbidden.txt'))] });
    const outcome = await runDeployment(buildSpec(), buildContext(cli).ctx);
    expect(outcome.result).toMatchObject({ result: 'failed', step: 'instance' });
    if (outcome.result.result !== 'failed') throw new Error('not failed');
    expect(outcome.result.error).toContain('not allowed to call eas:DescribeMachineSpec');
    expect(outcome.result.error).not.toContain('LTAI5tAbCdEfGhIjKlMn');
    expect(cli.callsOf('eas', 'create-service')).toEqual([]);
  });

  it('stops when the image is not an official EAS image', async () => {
    const cli = createWorld();
    const outcome = await runDeployment(
      buildSpec({ image: 'docker.io/someone/vllm:latest' }),
      buildContext(cli).ctx,
    );
    expect(outcome.result).toMatchObject({ result: 'blocked', step: 'image' });
    if (outcome.result.result !== 'blocked') throw new Error('not blocked');
    expect(outcome.result.reason).toContain(
      'docker.io/someone/vllm:latest is not an official EAS image',
    );
  });

  it('resolves a framework name to the newest official GPU image, paging through list-images', async () => {
    const cli = createWorld({
      images: [
        { stdout: fixture('list-images.page-1-of-2.json') },
        { stdout: fixture('list-images.page-2-of-2.json') },
      ],
    });
    await runDeployment(buildSpec({ image: 'vllm' }), buildContext(cli).ctx);
    const pages = cli
      .callsOf('aiworkspace', 'list-images')
      .map((c) => flagValue(c, '--page-number'));
    expect(pages).toEqual(['1', '2']);
    expect(createdBody(cli)).toMatchObject({ containers: [{ image: `${REG}/vllm:0.14.0-gpu` }] });
  });

  it('uses the framework commands of the spec with the port substituted', async () => {
    const sglang = createWorld();
    await runDeployment(buildSpec({ image: 'sglang', port: 9000 }), buildContext(sglang).ctx);
    expect(createdBody(sglang)).toMatchObject({
      containers: [
        {
          command:
            'python -m sglang.launch_server --model-path /model_dir --host 0.0.0.0 --port 9000',
          port: 9000,
        },
      ],
    });
    const comfy = createWorld();
    await runDeployment(buildSpec({ image: 'comfyui', port: 9000 }), buildContext(comfy).ctx);
    expect(createdBody(comfy)).toMatchObject({
      containers: [{ command: 'python main.py --listen 0.0.0.0 --port 9000' }],
    });
  });

  it("takes the start command from the image's system.eas.default.script label", async () => {
    const cli = createWorld();
    await runDeployment(
      buildSpec({ image: `${REG}/pytorch:2.7.1-gpu`, port: 8500 }),
      buildContext(cli).ctx,
    );
    expect(createdBody(cli)).toMatchObject({
      containers: [{ command: 'python app.py --port 8500' }],
    });
  });

  it('stops when the instance type is not offered, not available or out of stock', async () => {
    for (const [type, words] of [
      ['ecs.gn9-nope.xlarge', 'is not offered in cn-hangzhou'],
      ['ecs.gn5-c8g1.2xlarge', 'is not available in cn-hangzhou'],
      ['ecs.gn6i-c8g1.2xlarge', 'is out of stock in cn-hangzhou (NoStock)'],
    ] as const) {
      const cli = createWorld();
      const outcome = await runDeployment(buildSpec({ instanceType: type }), buildContext(cli).ctx);
      expect(outcome.result).toMatchObject({ result: 'blocked', step: 'instance' });
      expect(JSON.stringify(outcome.result)).toContain(words);
      expect(cli.callsOf('eas', 'create-service')).toEqual([]);
    }
  });

  it('moves vLLM from a CPU type to the smallest in-stock GPU type and says so', async () => {
    const cli = createWorld();
    const outcome = await runDeployment(
      buildSpec({ instanceType: 'ecs.c6.xlarge' }),
      buildContext(cli).ctx,
    );
    expect(createdBody(cli)).toMatchObject({
      cloud: { computing: { instance_type: 'ecs.gn6i-c4g1.xlarge' } },
    });
    if (outcome.result.result !== 'deployed') throw new Error('not deployed');
    expect(outcome.result.summary.notes).toContain(
      'vLLM needs a GPU: ecs.c6.xlarge is a CPU type, so ecs.gn6i-c4g1.xlarge (1× T4, 4 vCPU, 15 GB) was used instead.',
    );
  });

  it('uses the only enabled workspace, omits it when there is none, and asks when there are several', async () => {
    const none = createWorld({ workspaces: [{ stdout: fixture('list-workspaces.none.json') }] });
    await runDeployment(buildSpec(), buildContext(none).ctx);
    expect((createdBody(none).metadata as Record<string, unknown>).workspace_id).toBeUndefined();

    const several = createWorld({
      workspaces: [{ stdout: fixture('list-workspaces.several-enabled.json') }],
    });
    const outcome = await runDeployment(buildSpec(), buildContext(several).ctx);
    expect(outcome.result).toEqual({
      result: 'blocked',
      step: 'workspace',
      reason:
        'Several workspaces are enabled in cn-hangzhou: ml_team (12345), research (67890). Pick one in the workspace field.',
    });

    const chosen = createWorld({
      workspaces: [{ stdout: fixture('list-workspaces.several-enabled.json') }],
    });
    await runDeployment(buildSpec({ workspaceId: '67890' }), buildContext(chosen).ctx);
    expect(createdBody(chosen)).toMatchObject({ metadata: { workspace_id: '67890' } });
  });

  it('goes on without a workspace when listing workspaces fails', async () => {
    const cli = createWorld({ workspaces: [failWith(textFixture('any.forbidden.txt'))] });
    const outcome = await runDeployment(buildSpec(), buildContext(cli).ctx);
    expect(outcome.result.result).toBe('deployed');
  });
});

describe('a cancelled deployment', () => {
  it('does not create when the job was cancelled during the gates', async () => {
    const cli = createWorld();
    const controller = new AbortController();
    const { ctx } = buildContext(cli);
    controller.abort();
    const outcome = await runDeployment(buildSpec(), { ...ctx, signal: controller.signal });
    expect(outcome.result).toMatchObject({ result: 'failed', step: 'create' });
    expect(cli.callsOf('eas', 'create-service')).toEqual([]);
  });
});
