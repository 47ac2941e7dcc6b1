import { describe, expect, it } from 'vitest';
import {
  buildServiceJson,
  type ServicePlan,
  withSharedGateway,
} from '../../src/deploy/build-service-json.js';
import { checkServiceJson } from '../../src/deploy/check-service-json.js';

const REG = 'eas-registry-vpc.cn-hangzhou.cr.aliyuncs.com/pai-eas';
const VPC = { vpcId: 'vpc-main1', vswitchIds: ['vsw-a1', 'vsw-b1'], securityGroupId: 'sg-main1' };

/** What the NLB and dedicated-gateway modules' discovery yields (src/deploy/network/). */
const nlbPlan = (id: string, netType: string) => ({
  mode: 'nlb',
  vpc: VPC,
  networking: { nlb: [{ id, listener_port: 8000, netType }] },
});
const gatewayPlan = (id: string) => ({ mode: 'gateway', vpc: VPC, networking: { gateway: id } });

/** Pattern 1 (vLLM + OSS + health check on the shared gateway) with overrides. */
function buildPlan(overrides: Partial<ServicePlan> = {}): ServicePlan {
  return {
    name: 'qwen_demo',
    workspaceId: '12345',
    imageUri: `${REG}/vllm:0.13.0rc2.a8ec486.20260305pai-gpu`,
    framework: 'vllm',
    command: 'vllm serve /model_dir --port 8000 --trust-remote-code',
    port: 8000,
    replicas: 1,
    instanceType: 'ecs.gn7i-c16g1.4xlarge',
    resources: { cpu: 16, gpu: 1, memory: 61440 },
    ossPath: 'oss://models-bucket/qwen/',
    mountPath: '/model_dir',
    healthCheck: true,
    network: { mode: 'shared' },
    ...overrides,
  };
}

/** Builds and checks the spec's rules; every pattern must pass them. */
function buildChecked(plan: ServicePlan): Record<string, unknown> {
  const json = buildServiceJson(plan);
  expect(checkServiceJson(json)).toEqual([]);
  return json;
}

describe('buildServiceJson', () => {
  it('pattern 1: vLLM with an OSS mount and a health check on the shared gateway', () => {
    expect(buildChecked(buildPlan())).toEqual({
      metadata: { name: 'qwen_demo', instance: 1, workspace_id: '12345' },
      containers: [
        {
          image: `${REG}/vllm:0.13.0rc2.a8ec486.20260305pai-gpu`,
          port: 8000,
          command: 'vllm serve /model_dir --port 8000 --trust-remote-code',
          startup_check: {
            http_get: { path: '/health', port: 8000 },
            initial_delay_seconds: 120,
            period_seconds: 10,
            timeout_seconds: 1,
            success_threshold: 1,
            failure_threshold: 30,
          },
        },
      ],
      storage: [
        { mount_path: '/model_dir', oss: { path: 'oss://models-bucket/qwen/', readOnly: true } },
      ],
      cloud: { computing: { instance_type: 'ecs.gn7i-c16g1.4xlarge' } },
    });
  });

  it('pattern 2: autoscaling in camelCase', () => {
    const json = buildChecked(
      buildPlan({
        healthCheck: false,
        autoscale: { min: 1, max: 4, metric: 'qps', threshold: 20 },
      }),
    );
    expect(json.autoscaler).toEqual({
      min: 1,
      max: 4,
      scaleStrategies: [{ metricName: 'qps', threshold: 20 }],
    });
    expect(JSON.stringify(json)).not.toMatch(
      /min_replica|scale_strategies|metric_name|startup_check/,
    );
  });

  it('pattern 3: NLB with cloud.networking and comma-joined vswitches', () => {
    const json = buildChecked(buildPlan({ network: nlbPlan('default', 'intranet') }));
    expect(json.cloud).toEqual({
      computing: { instance_type: 'ecs.gn7i-c16g1.4xlarge' },
      networking: {
        vpc_id: 'vpc-main1',
        vswitch_id: 'vsw-a1,vsw-b1',
        security_group_id: 'sg-main1',
      },
    });
    expect(json.networking).toEqual({
      nlb: [{ id: 'default', listener_port: 8000, netType: 'intranet' }],
    });
  });

  it('pattern 4: SGLang with a /health startup check', () => {
    const json = buildChecked(
      buildPlan({
        imageUri: `${REG}/sglang:0.5.8-acclep1.2.1-gpu`,
        framework: 'sglang',
        command:
          'python -m sglang.launch_server --model-path /model_dir --host 0.0.0.0 --port 8000',
      }),
    );
    expect(json.containers).toMatchObject([
      { startup_check: { http_get: { path: '/health' }, initial_delay_seconds: 120 } },
    ]);
  });

  it('pattern 5: ComfyUI with an OSS mount at /models and a / startup check', () => {
    const json = buildChecked(
      buildPlan({
        imageUri: `${REG}/comfyui:2.2-api`,
        framework: 'comfyui',
        command: 'python main.py --listen 0.0.0.0 --port 8000',
        mountPath: '/models',
      }),
    );
    expect(json.storage).toEqual([
      { mount_path: '/models', oss: { path: 'oss://models-bucket/qwen/', readOnly: true } },
    ]);
    expect(json.containers).toMatchObject([
      { startup_check: { http_get: { path: '/', port: 8000 }, initial_delay_seconds: 60 } },
    ]);
  });

  it('pattern 6: custom image after the CPU→GPU switch, two replicas', () => {
    const json = buildChecked(
      buildPlan({ instanceType: 'ecs.gn6i-c4g1.xlarge', replicas: 2, ossPath: undefined }),
    );
    expect(json.metadata).toMatchObject({ instance: 2 });
    expect(json.cloud).toEqual({ computing: { instance_type: 'ecs.gn6i-c4g1.xlarge' } });
    expect(json.storage).toBeUndefined();
  });

  it('pattern 7: dedicated resource group with metadata.resource and no cloud block', () => {
    const json = buildChecked(buildPlan({ resourceGroup: 'eas-r-ready1' }));
    expect(json.metadata).toEqual({
      name: 'qwen_demo',
      instance: 1,
      workspace_id: '12345',
      resource: 'eas-r-ready1',
      cpu: 16,
      gpu: 1,
      memory: 61440,
    });
    expect(json.cloud).toBeUndefined();
  });

  it('pattern 8: dedicated gateway with networking.gateway, cloud.computing and cloud.networking', () => {
    const json = buildChecked(buildPlan({ network: gatewayPlan('gw-abc123') }));
    expect(json.networking).toEqual({ gateway: 'gw-abc123' });
    expect(json.cloud).toMatchObject({
      computing: { instance_type: 'ecs.gn7i-c16g1.4xlarge' },
      networking: { vpc_id: 'vpc-main1' },
    });
  });

  it('combines autoscaling with NLB, and a resource group with a dedicated gateway', () => {
    const autoscale = { min: 1, max: 3, metric: 'gpu[util]' as const, threshold: 80 };
    const nlb = buildChecked(
      buildPlan({
        autoscale,
        network: nlbPlan('nlb-xyz1', 'internet'),
      }),
    );
    expect(Object.keys(nlb).sort()).toEqual([
      'autoscaler',
      'cloud',
      'containers',
      'metadata',
      'networking',
      'storage',
    ]);
    const rg = buildChecked(
      buildPlan({
        resourceGroup: 'eas-r-ready1',
        network: gatewayPlan('gw-abc123'),
      }),
    );
    expect(rg.cloud).toEqual({
      networking: {
        vpc_id: 'vpc-main1',
        vswitch_id: 'vsw-a1,vsw-b1',
        security_group_id: 'sg-main1',
      },
    });
  });

  it('omits the workspace when there is none and uses no forbidden keys', () => {
    const json = buildChecked(buildPlan({ workspaceId: undefined }));
    expect(json.metadata).toEqual({ name: 'qwen_demo', instance: 1 });
    for (const key of [
      'spec',
      'ServiceName',
      'Image',
      'processor_path',
      'resourceGroupId',
      'port',
      'command',
    ]) {
      expect(json).not.toHaveProperty(key);
    }
  });

  it('drops networking.nlb and cloud.networking for the shared-gateway fallback', () => {
    const plan = buildPlan({
      network: nlbPlan('default', 'intranet'),
    });
    const json = buildChecked(withSharedGateway(plan));
    expect(json.networking).toBeUndefined();
    expect(json.cloud).toEqual({ computing: { instance_type: 'ecs.gn7i-c16g1.4xlarge' } });
  });
});

describe('buildServiceJson with a NAS model source', () => {
  it('mounts the NAS read-only over NFS at the model directory, with the VPC of the gateway', () => {
    const plan = buildPlan({
      ossPath: undefined,
      nas: { server: '0a1b2c.cn-hangzhou.nas.aliyuncs.com', path: '/models/qwen/' },
      network: gatewayPlan('gw-main1'),
    });
    const json = buildChecked(plan);
    expect(json.storage).toEqual([
      {
        mount_path: '/model_dir',
        nfs: {
          server: '0a1b2c.cn-hangzhou.nas.aliyuncs.com',
          path: '/models/qwen/',
          readOnly: true,
        },
      },
    ]);
    expect(json.cloud).toMatchObject({ networking: { vpc_id: 'vpc-main1' } });
  });
});

describe('checkServiceJson', () => {
  it('names every broken rule', () => {
    expect(
      checkServiceJson({
        metadata: { name: 'Bad-Name', resource: 'eas-r-1' },
        containers: [],
        cloud: { computing: { instance_type: 'x' } },
        port: 8000,
        networking: { gateway: 'shared' },
        autoscaler: { min: 2, max: 2 },
      }),
    ).toEqual([
      'top-level key port is not allowed',
      'top-level key port is forbidden',
      'metadata.name must be 3–63 lowercase letters, digits or underscores',
      'containers[] must each have an image',
      'metadata.resource and cloud.computing exclude each other',
      'networking.gateway "shared" is not allowed',
      'a gateway or NLB needs cloud.networking',
      'autoscaler needs camelCase scaleStrategies',
      'autoscaler min must be below max',
    ]);
  });
});
