import { describe, expect, it } from 'vitest';
import { runDeployment } from '../../src/deploy/run-deployment.js';
import { flagValue } from '../support/scripted-cli.js';
import { buildContext, buildSpec, createdBody, createWorld } from './scripted-world.js';

const UA = 'eas-deploy/0.1.0 (deployment dep-1)';

describe('runDeployment on the shared gateway', () => {
  it('runs the gated sequence: gates, create, describe-service once, endpoints', async () => {
    const cli = createWorld();
    const { ctx } = buildContext(cli);
    const outcome = await runDeployment(buildSpec(), ctx);
    expect(outcome.result.result).toBe('deployed');
    const ops = cli.calls.map((c) => `${c[0]} ${c[1]}`);
    expect(new Set(ops.slice(0, 4))).toEqual(
      new Set([
        'aiworkspace list-workspaces',
        'eas list-services',
        'aiworkspace list-images',
        'eas describe-machine-spec',
      ]),
    );
    expect(ops.slice(4)).toEqual([
      'eas create-service',
      'eas describe-service',
      'eas describe-service-endpoints',
    ]);
  });

  it('runs the read-only gates at the same time', async () => {
    const cli = createWorld();
    await runDeployment(buildSpec(), buildContext(cli).ctx);
    // Four gates in flight together: the critical path is gates → create → describe → endpoints.
    expect(cli.maxInFlight).toBe(4);
  });

  it('gives every call --region and the user agent naming the deployment', async () => {
    const cli = createWorld();
    await runDeployment(buildSpec(), buildContext(cli).ctx);
    for (const call of cli.calls) {
      expect(flagValue(call, '--region')).toBe('cn-hangzhou');
      expect(flagValue(call, '--user-agent')).toBe(UA);
    }
    for (const op of ['describe-service', 'describe-service-endpoints']) {
      expect(flagValue(cli.callsOf('eas', op)[0] ?? [], '--cluster-id')).toBe('cn-hangzhou');
    }
  });

  it('sends the service JSON inline in --biz-body with the request-id label as key=value', async () => {
    const cli = createWorld();
    await runDeployment(buildSpec(), buildContext(cli).ctx);
    const call = cli.callsOf('eas', 'create-service')[0] ?? [];
    expect(flagValue(call, '--biz-body')).toMatch(/^\{"metadata"/);
    expect(call).not.toContain('--body');
    expect(call.join(' ')).not.toContain('file://');
    expect(flagValue(call, '--labels')).toBe('eas-deploy.request-id=dep-1');
    expect(createdBody(cli)).toMatchObject({
      metadata: { name: 'qwen_demo', instance: 1, workspace_id: '12345' },
      containers: [
        {
          image: 'eas-registry-vpc.cn-hangzhou.cr.aliyuncs.com/pai-eas/vllm:0.14.0-gpu',
          port: 8000,
          command: 'vllm serve /model_dir --port 8000 --trust-remote-code',
        },
      ],
      storage: [
        { mount_path: '/model_dir', oss: { path: 'oss://models-bucket/qwen/', readOnly: true } },
      ],
      cloud: { computing: { instance_type: 'ecs.gn7i-c16g1.4xlarge' } },
    });
  });

  it('saves the journal with createAttempted before create-service runs', async () => {
    const cli = createWorld();
    const { ctx, saved } = buildContext(cli);
    await runDeployment(buildSpec(), ctx);
    const before = saved.find((s) => s.journal.createAttempted);
    const createIndex = cli.calls.findIndex((c) => c[1] === 'create-service');
    expect(before?.callsSoFar).toBe(createIndex);
  });

  it('reports the summary with endpoints, an OpenAI curl example and the console link', async () => {
    const cli = createWorld();
    const outcome = await runDeployment(buildSpec(), buildContext(cli).ctx);
    if (outcome.result.result !== 'deployed') throw new Error('not deployed');
    const s = outcome.result.summary;
    expect(s).toMatchObject({
      serviceName: 'qwen_demo',
      serviceId: 'eas-m-new123',
      status: 'Creating',
      port: 8000,
    });
    expect(s.endpoints).toEqual([
      {
        type: 'DefaultGateway',
        internet: 'http://1234.cn-hangzhou.pai-eas.aliyuncs.com/api/predict/qwen_demo',
        intranet: 'http://1234.vpc.cn-hangzhou.pai-eas.aliyuncs.com/api/predict/qwen_demo',
        port: null,
      },
    ]);
    expect(s.curlExamples[0]).toContain(
      'curl -X POST http://1234.cn-hangzhou.pai-eas.aliyuncs.com/api/predict/qwen_demo/v1/chat/completions -H "Authorization: <AccessToken>"',
    );
    expect(s.consoleUrl).toBe(
      'https://pai.console.aliyun.com/?regionId=cn-hangzhou&workspaceId=12345#/eas/serviceDetail/qwen_demo/detail',
    );
  });

  it('keeps the AccessToken out of the result and hands it over separately', async () => {
    const cli = createWorld();
    const { ctx, progress } = buildContext(cli);
    const outcome = await runDeployment(buildSpec(), ctx);
    expect(outcome.accessToken).toBe('Nzc5N2FhSECRETTOKEN==');
    const visible = JSON.stringify([outcome.result, outcome.journal, progress]);
    expect(visible).not.toContain('SECRETTOKEN');
  });

  it('reports the checklist as steps start and end', async () => {
    const cli = createWorld();
    const { ctx, progress } = buildContext(cli);
    await runDeployment(buildSpec(), ctx);
    expect(progress[0]?.[0]).toMatchObject({ id: 'workspace', status: 'running' });
    const last = progress.at(-1) ?? [];
    expect(last.map((s) => [s.id, s.status])).toEqual([
      ['workspace', 'passed'],
      ['name', 'passed'],
      ['image', 'passed'],
      ['instance', 'passed'],
      ['network', 'passed'],
      ['resource-group', 'passed'],
      ['create', 'passed'],
      ['status', 'passed'],
      ['endpoints', 'passed'],
    ]);
    expect(last.find((s) => s.id === 'name')?.title).toBe('Check the service name is free');
  });

  it('dry run runs every gate and shows the service JSON without creating', async () => {
    const cli = createWorld();
    const outcome = await runDeployment(buildSpec({ dryRun: true }), buildContext(cli).ctx);
    expect(cli.callsOf('eas', 'create-service')).toEqual([]);
    expect(cli.callsOf('aiworkspace', 'list-images')).toHaveLength(1);
    expect(cli.callsOf('eas', 'describe-machine-spec')).toHaveLength(1);
    expect(outcome.result).toMatchObject({
      result: 'dry-run',
      serviceName: 'qwen_demo',
      region: 'cn-hangzhou',
    });
    if (outcome.result.result !== 'dry-run') throw new Error('not a dry run');
    expect(JSON.parse(outcome.result.serviceJson).metadata.name).toBe('qwen_demo');
  });
});
