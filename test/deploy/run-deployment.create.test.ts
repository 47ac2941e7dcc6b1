import { describe, expect, it } from 'vitest';
import { Journal } from '../../src/deploy/journal.js';
import { runDeployment } from '../../src/deploy/run-deployment.js';
import { corpusText } from '../support/cli-corpus.js';
import { failWith, fixture, textFixture } from '../support/scripted-cli.js';
import { buildContext, buildSpec, createdBody, createWorld } from './scripted-world.js';

const NOT_FOUND = failWith(textFixture('describe-service.not-found.txt'));
const ops = (calls: string[][]): string[] => calls.map((c) => `${c[0]} ${c[1]}`);

describe('create-service and after', () => {
  it('stops with "the name exists" when a create lost to the network finds a service of that name with another label', async () => {
    const cli = createWorld({
      create: [failWith(corpusText('network.connection-reset.txt'))],
      describe: [{ stdout: fixture('describe-service.someone-elses.json') }],
    });
    const outcome = await runDeployment(buildSpec(), buildContext(cli).ctx);
    expect(outcome.result).toMatchObject({ result: 'blocked', step: 'create' });
    expect(JSON.stringify(outcome.result)).toContain(
      'A service named qwen_demo already exists in cn-hangzhou',
    );
    expect(cli.callsOf('eas', 'create-service')).toHaveLength(1);
  });

  it("reports a failed create in the cloud's own words, with no describe and no guessed duplicate", async () => {
    const cli = createWorld({
      create: [failWith(textFixture('create-service.already-exists.txt'))],
    });
    const outcome = await runDeployment(buildSpec(), buildContext(cli).ctx);
    expect(outcome.result).toMatchObject({
      result: 'failed',
      step: 'create',
      error: '409 ServiceAlreadyExists: service "qwen_demo" already exists',
    });
    expect(ops(cli.calls).slice(-1)).toEqual(['eas create-service']);
  });

  it('retries the NLB plugin bug once, then deploys on the shared gateway and says so', async () => {
    const bug = failWith(textFixture('create-service.nlb-plugin-bug.txt'));
    const cli = createWorld({
      create: [bug, bug, { stdout: fixture('create-service.created.json') }],
    });
    const outcome = await runDeployment(
      buildSpec({ network: { mode: 'nlb' } }),
      buildContext(cli).ctx,
    );
    expect(cli.callsOf('eas', 'create-service')).toHaveLength(3);
    expect(createdBody(cli, 1)).toHaveProperty('networking.nlb');
    const fallback = createdBody(cli, 2);
    expect(fallback.networking).toBeUndefined();
    expect(fallback).toMatchObject({
      cloud: { computing: { instance_type: 'ecs.gn7i-c16g1.4xlarge' } },
    });
    expect((fallback.cloud as Record<string, unknown>).networking).toBeUndefined();
    if (outcome.result.result !== 'deployed') throw new Error('not deployed');
    expect(outcome.result.summary.notes).toContain(
      'NLB config failed due to CLI plugin limitation. Deployed with shared gateway instead.',
    );
  });

  it('stops after the NLB plugin bug twice when the model is on NAS, which needs the VPC', async () => {
    const bug = failWith(textFixture('create-service.nlb-plugin-bug.txt'));
    const cli = createWorld({ create: [bug, bug] });
    const outcome = await runDeployment(
      buildSpec({
        network: { mode: 'nlb' },
        ossPath: undefined,
        nasPath: 'nas://0a1b2c.cn-hangzhou.nas.aliyuncs.com/models/',
      }),
      buildContext(cli).ctx,
    );
    expect(cli.callsOf('eas', 'create-service')).toHaveLength(2);
    expect(createdBody(cli, 1)).toHaveProperty('storage.0.nfs.server');
    expect(outcome.result).toMatchObject({ result: 'failed', step: 'create' });
    expect(JSON.stringify(outcome.result)).toContain('the model on NAS needs the VPC');
  });

  it('keeps NLB when the second try succeeds', async () => {
    const bug = failWith(textFixture('create-service.nlb-plugin-bug.txt'));
    const cli = createWorld({ create: [bug, { stdout: fixture('create-service.created.json') }] });
    await runDeployment(buildSpec({ network: { mode: 'nlb' } }), buildContext(cli).ctx);
    expect(cli.callsOf('eas', 'create-service')).toHaveLength(2);
    expect(createdBody(cli, 1)).toHaveProperty('networking.nlb');
  });

  it('reconciles a timed-out create instead of creating again: our label means it is ours', async () => {
    const cli = createWorld({ create: [failWith(textFixture('create-service.timeout.txt'))] });
    const outcome = await runDeployment(buildSpec(), buildContext(cli).ctx);
    expect(cli.callsOf('eas', 'create-service')).toHaveLength(1);
    expect(ops(cli.calls).slice(4)).toEqual([
      'eas create-service',
      'eas describe-service',
      'eas describe-service-endpoints',
    ]);
    expect(outcome.result).toMatchObject({
      result: 'deployed',
      summary: { serviceId: 'eas-m-new123' },
    });
  });

  it('creates once more when a create lost to the network left nothing behind after looking for it', async () => {
    const cli = createWorld({
      create: [
        failWith(corpusText('network.io-timeout.txt')),
        { stdout: fixture('create-service.created.json') },
      ],
      describe: [
        NOT_FOUND,
        NOT_FOUND,
        NOT_FOUND,
        NOT_FOUND,
        { stdout: fixture('describe-service.ours-creating.json') },
      ],
    });
    const outcome = await runDeployment(buildSpec(), buildContext(cli).ctx);
    const creates = cli.callsOf('eas', 'create-service');
    expect(creates).toHaveLength(2);
    expect(creates[1]).toEqual(creates[0]);
    expect(outcome.result.result).toBe('deployed');
  });

  it('finds the service a create lost to an i/o timeout made, even when EAS shows it late: one create', async () => {
    const cli = createWorld({
      create: [failWith(corpusText('network.io-timeout.txt'))],
      describe: [NOT_FOUND, { stdout: fixture('describe-service.ours-creating.json') }],
    });
    const outcome = await runDeployment(buildSpec(), buildContext(cli).ctx);
    expect(cli.callsOf('eas', 'create-service')).toHaveLength(1);
    expect(outcome.result).toMatchObject({
      result: 'deployed',
      summary: { serviceId: 'eas-m-new123' },
    });
  });

  it('reports a create error as failed, in the words of its class', async () => {
    const cli = createWorld({
      create: [failWith(textFixture('create-service.invalid-parameter.txt'))],
    });
    const outcome = await runDeployment(buildSpec(), buildContext(cli).ctx);
    expect(outcome.result).toMatchObject({
      result: 'failed',
      step: 'create',
      error: '400 InvalidParameter: containers[0].image is invalid',
    });
  });

  it('does not look for a service after a refusal that created nothing (a missing RAM permission)', async () => {
    const cli = createWorld({ create: [failWith(corpusText('plugin.forbidden.txt'))] });
    const outcome = await runDeployment(buildSpec(), buildContext(cli).ctx);
    expect(outcome.result).toMatchObject({ result: 'failed', step: 'create' });
    expect(JSON.stringify(outcome.result)).toContain('eas:CreateService');
    expect(ops(cli.calls).slice(-1)).toEqual(['eas create-service']);
  });

  it('calls describe-service exactly once after create and accepts any status', async () => {
    const cli = createWorld({
      describe: [
        { stdout: { ...fixture('describe-service.ours-creating.json'), Status: 'Failed' } },
      ],
    });
    const outcome = await runDeployment(buildSpec(), buildContext(cli).ctx);
    expect(
      cli.callsOf('eas', 'describe-service').filter((c) => c[1] === 'describe-service'),
    ).toHaveLength(1);
    expect(outcome.result).toMatchObject({ result: 'deployed', summary: { status: 'Failed' } });
  });

  it('a resumed job describes first and, finding its own service, never creates again', async () => {
    const cli = createWorld();
    const journal = Journal.parse({
      createAttempted: true,
      resolvedServiceName: 'qwen_demo',
      facts: {
        imageUri: 'eas-registry-vpc.cn-hangzhou.cr.aliyuncs.com/pai-eas/vllm:0.14.0-gpu',
        workspaceId: '12345',
      },
    });
    const outcome = await runDeployment(buildSpec(), buildContext(cli, journal).ctx);
    expect(ops(cli.calls)).toEqual(['eas describe-service', 'eas describe-service-endpoints']);
    expect(outcome.result).toMatchObject({
      result: 'deployed',
      summary: { serviceName: 'qwen_demo' },
    });
    expect(outcome.accessToken).toBe('Nzc5N2FhSECRETTOKEN==');
  });

  it('a resumed job stops when the same-named service is not ours', async () => {
    const cli = createWorld({
      describe: [{ stdout: fixture('describe-service.someone-elses.json') }],
    });
    const journal = Journal.parse({ createAttempted: true, resolvedServiceName: 'qwen_demo' });
    const outcome = await runDeployment(buildSpec(), buildContext(cli, journal).ctx);
    expect(outcome.result).toMatchObject({ result: 'blocked', step: 'name' });
    expect(cli.callsOf('eas', 'create-service')).toEqual([]);
  });

  it('a resumed job whose service is absent runs the gates and creates', async () => {
    const cli = createWorld({
      describe: [NOT_FOUND, { stdout: fixture('describe-service.ours-creating.json') }],
    });
    const journal = Journal.parse({ createAttempted: true, resolvedServiceName: 'qwen_demo' });
    const outcome = await runDeployment(buildSpec(), buildContext(cli, journal).ctx);
    expect(cli.callsOf('eas', 'create-service')).toHaveLength(1);
    expect(outcome.result.result).toBe('deployed');
  });

  it('the duplicate check recognises our own service and does not create it twice', async () => {
    const cli = createWorld({ services: [{ stdout: fixture('list-services.ours.json') }] });
    const outcome = await runDeployment(buildSpec(), buildContext(cli).ctx);
    expect(cli.callsOf('eas', 'create-service')).toEqual([]);
    expect(outcome.result.result).toBe('deployed');
  });
});
