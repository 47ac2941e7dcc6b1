import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filterSimCalls, readSimCallLog } from '../../../sim/aliyun/call-log.js';
import { findSimExecutable } from '../../../sim/aliyun/sim-env.js';
import { buildBody } from './support/run-sim.js';

const WORLD = resolve('test/fixtures/sim/world.nlb-bug-and-slow-create.json');
let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'aliyun-sim-world-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

function run(args: string[]) {
  const env = {
    PATH: process.env.PATH ?? '',
    ALIYUN_SIM_WORLD: WORLD,
    ALIYUN_SIM_STATE: join(dir, 'state.json'),
  };
  return new Promise<{ code: number; stdout: string; stderr: string }>((done) => {
    execFile(findSimExecutable(), args, { env, timeout: 20_000 }, (error, stdout, stderr) =>
      done({ code: error ? Number(error.code) : 0, stdout, stderr }),
    );
  });
}

describe('aliyun-sim with a world file', () => {
  it('plays the NLB plugin bug twice, then creates, as the skill fallback expects', async () => {
    const net = {
      vpc_id: 'vpc-bp1demo01',
      vswitch_id: 'vsw-a,vsw-b',
      security_group_id: 'sg-demo',
    };
    const body = buildBody({
      cloud: { computing: { instance_type: 'ecs.gn7i-c16g1.4xlarge' }, networking: net },
      networking: { nlb: [{ id: 'default', listener_port: 8000, netType: 'intranet' }] },
    });
    const args = ['eas', 'create-service', '--region', 'cn-hangzhou', '--biz-body', body];
    const first = await run(args);
    const second = await run(args);
    expect(first.stderr).toContain('vpcId, vswId and securityGroupId are required');
    expect(second.stderr).toContain('Code: InvalidParameter');
    const third = await run(args);
    expect(third.code).toBe(0);
    expect(third.stdout).toContain('"Status": "Creating"');
    const describe = await run([
      'eas',
      'describe-service',
      '--region',
      'cn-hangzhou',
      '--cluster-id',
      'cn-hangzhou',
      '--service-name',
      'qwen_demo',
    ]);
    expect(JSON.parse(describe.stdout)).toMatchObject({
      Status: 'Waiting',
      InternetEndpoint: '',
      IntranetEndpoint: expect.stringMatching(
        /\.nlb\.aliyuncsslb\.com:8000\/api\/predict\/qwen_demo$/,
      ),
    });
    const calls = filterSimCalls(
      await readSimCallLog(join(dir, 'state.json')),
      'eas create-service',
    );
    expect(calls.map((c) => c.exitCode)).toEqual([1, 1, 0]);
  });

  it('fails a service whose image matches a failures rule, with the image-pull event', async () => {
    const body = buildBody(
      {
        containers: [
          {
            image: 'eas-registry-vpc.cn-hangzhou.cr.aliyuncs.com/pai-eas/vllm:0.11.0-gpu',
            port: 8000,
          },
        ],
      },
      'old_vllm',
    );
    expect(
      (await run(['eas', 'create-service', '--region', 'cn-hangzhou', '--biz-body', body])).code,
    ).toBe(0);
    const args = [
      '--region',
      'cn-hangzhou',
      '--cluster-id',
      'cn-hangzhou',
      '--service-name',
      'old_vllm',
    ];
    expect(JSON.parse((await run(['eas', 'describe-service', ...args])).stdout)).toMatchObject({
      Status: 'Failed',
      Reason: 'ImagePullBackOff',
    });
    const events = JSON.parse((await run(['eas', 'describe-service-event', ...args])).stdout);
    expect(events.Events.at(-1)).toMatchObject({ Type: 'Warning', Reason: 'ImagePullBackOff' });
  });
});
