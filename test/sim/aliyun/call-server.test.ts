import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimCallServer } from '../../../sim/aliyun/call-server.js';
import { createSim, HZ, type SimRun } from './support/run-sim.js';

/**
 * bin/aliyun-sim hands its call to a call server when ALIYUN_SIM_SERVER names one (the suite runs
 * one); without it the call is its own Node process. A test through either must see the same CLI:
 * the same stdout, stderr and exit code for the same state, arguments and stdin.
 */
type Sim = Awaited<ReturnType<typeof createSim>>;
let sim: Sim;
let server: Awaited<ReturnType<typeof startSimCallServer>>;
beforeAll(async () => {
  sim = await createSim();
  server = await startSimCallServer();
});
afterAll(async () => {
  await server.close();
  await sim.cleanup();
});

const ownProcess = { ALIYUN_SIM_SERVER: '' };
const byServer = () => ({ ALIYUN_SIM_SERVER: server.address });
/** The run with its request ids (new on every call) made comparable. */
const comparable = ({ code, stdout, stderr }: SimRun) => {
  const ids = /[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}/gi;
  return { code, stdout: stdout.replace(ids, '<id>'), stderr: stderr.replace(ids, '<id>') };
};

describe('bin/aliyun-sim through the call server', () => {
  it.each([
    ['a listing', ['eas', 'list-services', ...HZ]],
    [
      'a service that is not there (exit 1, the SDK error)',
      [
        'eas',
        'describe-service',
        ...HZ,
        '--cluster-id',
        'cn-hangzhou',
        '--service-name',
        'nope ü\n"x"',
      ],
    ],
    ['an unknown plugin command', ['eas', 'create-services', ...HZ]],
    ['an empty flag value', ['eas', 'describe-service', ...HZ, '--service-name', '']],
    [
      'an unknown built-in parameter (exit 2)',
      ['vpc', 'DescribeVpcs', '--RegionId', 'cn-hangzhou', '--VpcIds', 'x'],
    ],
  ])('answers %s exactly as its own process does', async (_what, argv) => {
    const direct = await sim.run(argv, ownProcess);
    const viaServer = await sim.run(argv, byServer());
    expect(comparable(viaServer)).toEqual(comparable(direct));
  });

  it('prompts for a missing plugin when stdin is /dev/null, as its own process does', async () => {
    const argv = ['vpc', 'describe-vpcs', ...HZ];
    const direct = await sim.runWithDevNull(argv, { ...ownProcess, NO_COLOR: '1' });
    const viaServer = await sim.runWithDevNull(argv, { ...byServer(), NO_COLOR: '1' });
    expect(viaServer.stderr).toContain('Do you want to install it? [Y/n]');
    expect(comparable(viaServer)).toEqual(comparable(direct));
  });

  it('keeps one state: a service created through the server is there for a direct call', async () => {
    const before = await sim.run(['eas', 'list-services', ...HZ], ownProcess);
    const label = await sim.run(
      [
        'eas',
        'update-service-label',
        ...HZ,
        '--cluster-id',
        'cn-hangzhou',
        '--service-name',
        'qwen_chat_prod',
        '--labels',
        'team=ml ops',
      ],
      byServer(),
    );
    expect(label.code).toBe(0);
    const after = await sim.run(['eas', 'list-services', ...HZ], ownProcess);
    expect(after.stdout).not.toBe(before.stdout);
    expect(after.stdout).toContain('ml ops');
  });

  it('says so and exits 1 when no server answers at the address it was given', async () => {
    const run = await sim.run(['eas', 'list-services', ...HZ], {
      ALIYUN_SIM_SERVER: '127.0.0.1:1',
    });
    expect(run).toMatchObject({
      code: 1,
      stdout: '',
      stderr: 'ERROR: aliyun-sim: no simulator answers at ALIYUN_SIM_SERVER=127.0.0.1:1\n',
    });
  });
});
