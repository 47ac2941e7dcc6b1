import type { OpHandler } from './op-context.js';
import { createService } from './ops/create-service.js';
import * as list from './ops/eas-list-ops.js';
import * as svc from './ops/eas-service-ops.js';
import * as net from './ops/network-ops.js';
import { describeServiceLog } from './ops/serving-ops.js';
import * as ws from './ops/workspace-ops.js';

export interface OpEntry {
  handler: OpHandler;
  required: readonly string[];
  /** The request path a timeout message names ({N}: service name). */
  path: string;
  /** The CLI plugin that serves this product, when it is not built in. */
  plugin?: string;
}

const EAS = 'aliyun-cli-eas';
const AIW = 'aliyun-cli-aiworkspace';
const SVC = '/api/v2/services/{R}/{N}';

/** Every operation the simulator answers, by "<product> <operation>". */
export const OPS: Readonly<Record<string, OpEntry>> = {
  'aiworkspace list-workspaces': {
    handler: ws.listWorkspaces,
    required: [],
    path: '/api/v1/workspaces',
    plugin: AIW,
  },
  'aiworkspace list-images': {
    handler: ws.listImages,
    required: [],
    path: '/api/v1/images',
    plugin: AIW,
  },
  'aiworkspace get-image': {
    handler: ws.getImage,
    required: ['image-id'],
    path: '/api/v1/images/{I}',
    plugin: AIW,
  },
  'eas list-services': {
    handler: list.listServices,
    required: [],
    path: '/api/v2/services',
    plugin: EAS,
  },
  'eas describe-machine-spec': {
    handler: list.describeMachineSpec,
    required: [],
    path: '/api/v2/public/instance_types',
    plugin: EAS,
  },
  'eas list-resources': {
    handler: list.listResources,
    required: [],
    path: '/api/v2/resources',
    plugin: EAS,
  },
  'eas list-gateway': {
    handler: list.listGateway,
    required: [],
    path: '/api/v2/gateways',
    plugin: EAS,
  },
  'eas describe-gateway': {
    handler: list.describeGateway,
    required: ['gateway-id'],
    path: '/api/v2/gateways/{R}/{G}',
    plugin: EAS,
  },
  'eas create-service': {
    handler: createService,
    required: ['body'],
    path: '/api/v2/services',
    plugin: EAS,
  },
  'eas describe-service': {
    handler: svc.describeService,
    required: ['service-name'],
    path: SVC,
    plugin: EAS,
  },
  'eas describe-service-endpoints': {
    handler: svc.describeServiceEndpoints,
    required: ['service-name'],
    path: `${SVC}/endpoints`,
    plugin: EAS,
  },
  'eas describe-service-event': {
    handler: svc.describeServiceEvent,
    required: ['service-name'],
    path: `${SVC}/events`,
    plugin: EAS,
  },
  'eas describe-service-log': {
    handler: describeServiceLog,
    required: ['service-name'],
    path: `${SVC}/logs`,
    plugin: EAS,
  },
  'eas delete-service': {
    handler: svc.deleteService,
    required: ['service-name'],
    path: SVC,
    plugin: EAS,
  },
  'vpc describe-vpcs': { handler: net.describeVpcs, required: [], path: '/?Action=DescribeVpcs' },
  'vpc describe-vswitches': {
    handler: net.describeVSwitches,
    required: [],
    path: '/?Action=DescribeVSwitches',
  },
  'ecs describe-security-groups': {
    handler: net.describeSecurityGroups,
    required: [],
    path: '/?Action=DescribeSecurityGroups',
  },
  'nlb list-load-balancers': {
    handler: net.listLoadBalancers,
    required: [],
    path: '/?Action=ListLoadBalancers',
  },
};
