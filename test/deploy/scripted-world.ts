import { SERVICE_BODY_FLAG } from '../../src/aliyun/commands.js';
import { DeploySpec, type DeploySpecInput } from '../../src/deploy/deploy-spec.js';
import type { EngineContext } from '../../src/deploy/engine-context.js';
import { emptyJournal, type Journal } from '../../src/deploy/journal.js';
import type { StepRecord } from '../../src/deploy/outcome.js';
import {
  createScriptedCli,
  fixture,
  type Reply,
  type Rule,
  type ScriptedCli,
} from '../support/scripted-cli.js';

/** The calls of a healthy cn-hangzhou, one rule per call; a test overrides the ones its scenario changes. */
export const HEALTHY: Record<string, Rule> = {
  workspaces: {
    prefix: ['aiworkspace', 'list-workspaces'],
    replies: [{ stdout: fixture('list-workspaces.one-enabled.json') }],
  },
  services: {
    prefix: ['eas', 'list-services'],
    replies: [{ stdout: fixture('list-services.empty.json') }],
  },
  images: {
    prefix: ['aiworkspace', 'list-images'],
    replies: [{ stdout: fixture('list-images.official.json') }],
  },
  specs: {
    prefix: ['eas', 'describe-machine-spec'],
    replies: [{ stdout: fixture('describe-machine-spec.hangzhou.json') }],
  },
  resources: {
    prefix: ['eas', 'list-resources'],
    replies: [{ stdout: fixture('list-resources.dedicated.json') }],
  },
  gateways: {
    prefix: ['eas', 'list-gateway'],
    replies: [{ stdout: fixture('list-gateway.dedicated.json') }],
  },
  gateway: {
    prefix: ['eas', 'describe-gateway'],
    replies: [{ stdout: fixture('describe-gateway.dedicated.json') }],
  },
  linked: {
    prefix: ['eas', 'list-gateway-intranet-linked-vpc'],
    replies: [{ stdout: fixture('list-gateway-intranet-linked-vpc.main.json') }],
  },
  vpcs: {
    prefix: ['vpc', 'DescribeVpcs'],
    replies: [{ stdout: fixture('describe-vpcs.one.json') }],
  },
  vswitches: {
    prefix: ['vpc', 'DescribeVSwitches'],
    replies: [{ stdout: fixture('describe-vswitches.two-zones.json') }],
  },
  groups: {
    prefix: ['ecs', 'DescribeSecurityGroups'],
    replies: [{ stdout: fixture('describe-security-groups.main-vpc.json') }],
  },
  nlbs: {
    prefix: ['nlb', 'ListLoadBalancers'],
    replies: [{ stdout: fixture('list-load-balancers.one.json') }],
  },
  create: {
    prefix: ['eas', 'create-service'],
    replies: [{ stdout: fixture('create-service.created.json') }],
  },
  describe: {
    prefix: ['eas', 'describe-service'],
    when: (a) => a[1] === 'describe-service',
    replies: [{ stdout: fixture('describe-service.ours-creating.json') }],
  },
  endpoints: {
    prefix: ['eas', 'describe-service-endpoints'],
    replies: [{ stdout: fixture('describe-service-endpoints.shared.json') }],
  },
  plugin: { prefix: ['plugin'], replies: [{ stdout: '' }] },
};

/** A scripted CLI of the healthy world with some calls answered differently. */
export function createWorld(
  overrides: Partial<Record<keyof typeof HEALTHY, readonly Reply[]>> = {},
  /** Rules checked before the healthy world's, for answers that depend on a flag. */
  extra: readonly Rule[] = [],
): ScriptedCli {
  const rules = Object.entries(HEALTHY).map(([key, rule]) => {
    const replies = overrides[key];
    return replies ? { ...rule, replies } : rule;
  });
  return createScriptedCli([...extra, ...rules]);
}

/** A valid request with overrides: vLLM on an A10 in cn-hangzhou, shared gateway. */
export function buildSpec(overrides: Partial<DeploySpecInput> = {}): DeploySpec {
  return DeploySpec.parse({
    region: 'cn-hangzhou',
    serviceName: 'qwen_demo',
    image: 'vllm',
    instanceType: 'ecs.gn7i-c16g1.4xlarge',
    ossPath: 'oss://models-bucket/qwen/',
    ...overrides,
  });
}

/** An engine context around a scripted CLI that records progress and every saved journal. */
export function buildContext(cli: ScriptedCli, journal: Journal = emptyJournal()) {
  const progress: StepRecord[][] = [];
  const saved: { journal: Journal; callsSoFar: number }[] = [];
  const ctx: EngineContext = {
    deploymentId: 'dep-1',
    cli,
    journal,
    saveJournal: async (j) => {
      saved.push({ journal: structuredClone(j), callsSoFar: cli.calls.length });
    },
    onProgress: (steps) => {
      progress.push([...steps]);
    },
    random: () => 0.482917,
    now: () => 1_000,
    sleep: async () => {},
  };
  return { ctx, progress, saved };
}

/** The create-service body sent in the n-th create call, parsed. */
export function createdBody(cli: ScriptedCli, n = 0): Record<string, unknown> {
  const call = cli.callsOf('eas', 'create-service')[n];
  const body = call?.[call.indexOf(SERVICE_BODY_FLAG) + 1];
  return JSON.parse(body ?? 'null');
}
