import type { DeploySpec } from '../../src/deploy/deploy-spec.js';
import type { DeploymentRecord } from '../../src/queue/deployment-records.js';
import type { SubmitAnswer } from '../../src/queue/submission.js';
import type { SlackPorts } from '../../src/slack/ports.js';

/** In-memory ports that record what the listeners asked for; answers are set per test. */
export interface FakePorts extends SlackPorts {
  readonly submitted: { spec: DeploySpec; userId: string; channelId: string }[];
  readonly described: { serviceName: string; region: string }[];
  readonly catalogCalls: string[];
  submitAnswer: SubmitAnswer | 'hang' | 'throw';
  records: DeploymentRecord[];
}

export const SAMPLE_SPEC: DeploySpec = {
  region: 'cn-hangzhou',
  serviceName: 'qwen_demo',
  image: 'vllm',
  instanceType: 'ecs.gn7i-c16g1.4xlarge',
  replicas: 1,
  port: 8000,
  mountPath: '/model_dir',
  network: { mode: 'shared', netType: 'intranet' },
  healthCheck: true,
  dryRun: false,
};

/** Builds fresh fake ports with one finished deployment `d-1` by U0REQUEST. */
export function createFakePorts(): FakePorts {
  const ports: FakePorts = {
    submitted: [],
    described: [],
    catalogCalls: [],
    submitAnswer: { status: 'queued', deploymentId: 'd-new' },
    records: [
      {
        deploymentId: 'd-1',
        serviceName: 'qwen_demo',
        region: 'cn-hangzhou',
        state: 'deployed',
        serviceStatus: 'Running',
        submittedAt: 1_700_000_000_000,
        updatedAt: 1_700_000_000_000,
        requesterId: 'U0REQUEST',
        channelId: 'C0DEPLOY',
        spec: SAMPLE_SPEC,
      },
    ],
    submitter: {
      submit: async ({ spec, requester, channelId }) => {
        if (ports.submitAnswer === 'hang') return new Promise<never>(() => {});
        if (ports.submitAnswer === 'throw') throw new Error('connect ECONNREFUSED 127.0.0.1:6379');
        ports.submitted.push({ spec, userId: requester.userId, channelId });
        return ports.submitAnswer;
      },
    },
    catalog: {
      listImages: async (region) => {
        ports.catalogCalls.push(`images ${region}`);
        return [
          {
            uri: 'registry/pai-eas/vllm:0.8.5',
            label: 'vllm 0.8.5',
            command: 'vllm serve /model_dir',
          },
        ];
      },
      listInstanceTypes: async (region) => {
        ports.catalogCalls.push(`instances ${region}`);
        return [
          { instanceType: 'ecs.g6.xlarge', gpuCount: 0, cpu: 4, memoryGb: 16, stock: 'WithStock' },
          {
            instanceType: 'ecs.gn7i-c16g1.4xlarge',
            gpuModel: 'NVIDIA A10',
            gpuCount: 1,
            gpuMemoryGb: 24,
            cpu: 16,
            memoryGb: 60,
            stock: 'WithStock',
          },
        ];
      },
      listWorkspaces: async (region) => {
        ports.catalogCalls.push(`workspaces ${region}`);
        return region === 'cn-shanghai'
          ? [
              { id: '91001', name: 'research' },
              { id: '91002', name: 'production' },
            ]
          : [{ id: '86231', name: 'llm_team' }];
      },
      peekWorkspaces: () => undefined,
      peekInstanceTypes: () => undefined,
      warm: () => {},
      peekImageCommand: (_region, image) =>
        image === 'vllm' ? 'vllm serve /model_dir --port 8000' : undefined,
    },
    status: {
      describe: async (serviceName, region) => {
        ports.described.push({ serviceName, region });
        return {
          ok: true,
          status: {
            serviceName,
            region,
            status: 'Running',
            runningInstances: 1,
            totalInstances: 1,
          },
        };
      },
      fetchToken: async () => ({ ok: true, serviceName: 'qwen_demo', token: 'SECRET-TOKEN-123' }),
    },
    history: {
      listRecent: async ({ userId, region, limit }) =>
        ports.records
          .filter((r) => (!userId || r.requesterId === userId) && (!region || r.region === region))
          .slice(0, limit),
      get: async (id) => ports.records.find((r) => r.deploymentId === id),
    },
  };
  return ports;
}
