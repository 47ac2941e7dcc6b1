import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBody, createSim, HZ } from './support/run-sim.js';

type Sim = Awaited<ReturnType<typeof createSim>>;
let sim: Sim;
beforeAll(async () => {
  sim = await createSim();
});
afterAll(() => sim.cleanup());

const create = (body: string, ...more: string[]) =>
  sim.run(['eas', 'create-service', ...HZ, '--biz-body', body, ...more]);
const net = {
  vpc_id: 'vpc-bp1demo01',
  vswitch_id: 'vsw-bp1zonea01,vsw-bp1zoneb01',
  security_group_id: 'sg-bp1demo01',
};

describe('aliyun-sim create-service', () => {
  it('creates a service that is Creating, listed afterwards, with endpoints ending in /api/predict/<name>', async () => {
    const made = await create(
      buildBody({}, 'created_once'),
      '--labels',
      'eas-deploy.request-id=req-1',
    );
    expect(made.code).toBe(0);
    expect(made.json).toMatchObject({
      ServiceName: 'created_once',
      Status: 'Creating',
      Region: 'cn-hangzhou',
    });
    expect(made.json.ServiceId).toMatch(/^eas-m-/);
    expect(made.json.InternetEndpoint).toBe(
      'http://1234567890123456.cn-hangzhou.pai-eas.aliyuncs.com/api/predict/created_once',
    );
    expect(made.json.IntranetEndpoint).toBe(
      'http://1234567890123456.vpc.cn-hangzhou.pai-eas.aliyuncs.com/api/predict/created_once',
    );
    const listed = await sim.run(['eas', 'list-services', ...HZ, '--service-name', 'created_once']);
    expect(listed.json.TotalCount).toBe(1);
  });

  it('refuses the legacy --body and JSON labels: the eas plugin takes --biz-body and key=value (one form)', async () => {
    const legacy = await sim.run(['eas', 'create-service', ...HZ, '--body', buildBody()]);
    expect(legacy).toMatchObject({ code: 1, stderr: 'Error: unknown flag: --body\n' });
    const jsonLabels = await create(buildBody({}, 'json_labels'), '--labels', '{"k":"v"}');
    expect(jsonLabels.code).toBe(1);
    expect(jsonLabels.stderr).toContain('Labels must be key=value pairs');
  });

  it('stores --labels and filters list-services by --label', async () => {
    await create(
      buildBody({}, 'labelled_one'),
      '--labels',
      'eas-deploy.request-id=req-42,team=llm',
    );
    const found = await sim.run([
      'eas',
      'list-services',
      ...HZ,
      '--label',
      'eas-deploy.request-id=req-42',
    ]);
    const services = found.json.Services as { ServiceName: string; Labels: unknown }[];
    expect(services.map((s) => s.ServiceName)).toEqual(['labelled_one']);
    expect(services[0]?.Labels).toEqual([
      { LabelKey: 'eas-deploy.request-id', LabelValue: 'req-42' },
      { LabelKey: 'team', LabelValue: 'llm' },
    ]);
    const fuzzy = await sim.run(['eas', 'list-services', ...HZ, '--filter', 'labelled']);
    expect(fuzzy.json.TotalCount).toBe(1);
  });

  it('answers 409 ServiceAlreadyExists in the SDKError text for the same name twice', async () => {
    await create(buildBody({}, 'twice_named'));
    const again = await create(buildBody({}, 'twice_named'));
    expect(again.code).toBe(1);
    expect(again.stdout).toBe('');
    expect(again.stderr).toMatch(
      /^SDKError:\n {3}StatusCode: 409\n {3}Code: ServiceAlreadyExists\n {3}Message: code: 409, service "twice_named" already exists request id: [0-9A-F-]+\n {3}Data: \{"Code":"ServiceAlreadyExists",.*"statusCode":409\}\n$/,
    );
  });

  it('answers 404 InvalidGateway.NotFound for a dedicated gateway that does not exist', async () => {
    const result = await create(
      buildBody({
        networking: { gateway: 'gw-missing' },
        cloud: { computing: { instance_type: 'ecs.gn7i-c16g1.4xlarge' }, networking: net },
      }),
    );
    expect(result.stderr).toContain('StatusCode: 404');
    expect(result.stderr).toContain('Code: InvalidGateway.NotFound');
  });

  it('gives an NLB service an intranet-only Nlb endpoint on the listener port', async () => {
    const body = buildBody(
      {
        cloud: { computing: { instance_type: 'ecs.gn7i-c16g1.4xlarge' }, networking: net },
        networking: { nlb: [{ id: 'default', listener_port: 9000, netType: 'intranet' }] },
      },
      'nlb_service',
    );
    expect((await create(body)).code).toBe(0);
    const ep = await sim.run([
      'eas',
      'describe-service-endpoints',
      ...HZ,
      '--cluster-id',
      'cn-hangzhou',
      '--service-name',
      'nlb_service',
    ]);
    const [nlb] = (ep.json.Endpoints ?? []) as {
      EndpointType: string;
      Port: number;
      InternetEndpoints: string[];
      IntranetEndpoints: string[];
    }[];
    expect(nlb).toMatchObject({ EndpointType: 'Nlb', Port: 9000, InternetEndpoints: [] });
    expect(nlb?.IntranetEndpoints[0]).toMatch(
      /^http:\/\/nlb-.*\.cn-hangzhou\.nlb\.aliyuncsslb\.com:9000\/api\/predict\/nlb_service$/,
    );
  });

  it('gives a dedicated-gateway service a PrivateGateway endpoint on the gateway domains', async () => {
    const body = buildBody(
      {
        cloud: { computing: { instance_type: 'ecs.gn7i-c16g1.4xlarge' }, networking: net },
        networking: { gateway: 'gw-bp1demo01' },
      },
      'gw_service',
    );
    expect((await create(body)).code).toBe(0);
    const ep = await sim.run([
      'eas',
      'describe-service-endpoints',
      ...HZ,
      '--service-name',
      'gw_service',
    ]);
    expect(ep.json.Endpoints).toEqual([
      expect.objectContaining({
        EndpointType: 'PrivateGateway',
        BackendId: 'gw-bp1demo01',
        InternetEndpoints: [
          'http://gw-bp1demo01-1234567890123456.cn-hangzhou.pai-eas.aliyuncs.com/api/predict/gw_service',
        ],
      }),
    ]);
  });

  it('deploys on a dedicated resource group with metadata.resource and no cloud block', async () => {
    const body = JSON.stringify({
      metadata: {
        name: 'on_dedicated',
        instance: 1,
        resource: 'eas-r-hzdedicated01',
        cpu: 4,
        gpu: 1,
        memory: 8000,
      },
      containers: [{ image: 'x', port: 8000 }],
    });
    expect((await create(body)).code).toBe(0);
  });
});
