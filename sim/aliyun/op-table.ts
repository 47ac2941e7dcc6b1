// biome-ignore-all format: one flag list per line reads like the meta's parameter list
import { LIFECYCLE_OPS } from './lifecycle-op-table.js';
import type { OpEntry } from './op-entry.js';
import { createService } from './ops/create-service.js';
import * as list from './ops/eas-list-ops.js';
import * as svc from './ops/eas-service-ops.js';
import { describeServiceLog } from './ops/serving-ops.js';
import * as ws from './ops/workspace-ops.js';

export type { OpEntry } from './op-entry.js';

const SVC = '/api/v2/services/{R}/{N}';
const PAGE = ['page-number', 'page-size'];
const ONE_SERVICE = ['cluster-id', 'service-name'];
const ONE_GATEWAY = ['cluster-id', 'gateway-id'];

/**
 * The plugin commands the simulator answers, by "<product> <command>" (aliyun-openapi-meta
 * `en-US/eas/*.json`, `en-US/AIWorkSpace/*.json`: parameter names in kebab-case).
 */
export const PLUGIN_OPS: Readonly<Record<string, OpEntry>> = {
  'aiworkspace list-workspaces': {
    handler: ws.listWorkspaces,
    flags: [...PAGE, 'workspace-name', 'workspace-ids', 'status', 'verbose', 'option', 'module-list', 'fields', 'order', 'sort-by', 'resource-group-id', 'user-id'],
    required: [],
    path: '/api/v1/workspaces',
  },
  'aiworkspace list-images': {
    handler: ws.listImages,
    flags: [...PAGE, 'labels', 'name', 'verbose', 'accessibility', 'image-uri', 'order', 'query', 'sort-by', 'workspace-id'],
    required: [],
    path: '/api/v1/images',
  },
  'aiworkspace get-image': {
    handler: ws.getImage,
    flags: ['image-id', 'verbose'],
    required: ['image-id'],
    path: '/api/v1/images/{I}',
  },
  'eas list-services': {
    handler: list.listServices,
    flags: [...PAGE, 'service-name', 'filter', 'label', 'order', 'sort', 'service-status', 'service-type', 'workspace-id', 'gateway', 'group-name', 'resource-name', 'resource-id', 'resource-type', 'quota-id', 'parent-service-uid', 'service-uid'],
    required: [],
    path: '/api/v2/services',
  },
  'eas describe-machine-spec': {
    handler: list.describeMachineSpec,
    flags: ['instance-types', 'charge-type', 'resource-type'],
    required: [],
    path: '/api/v2/public/instance_types',
  },
  'eas list-resources': {
    handler: list.listResources,
    flags: [...PAGE, 'resource-type', 'resource-id', 'resource-name', 'resource-status', 'order', 'sort'],
    required: [],
    path: '/api/v2/resources',
  },
  'eas list-gateway': {
    handler: list.listGateway,
    flags: [...PAGE, 'gateway-id', 'gateway-name', 'gateway-type', 'charge-type', 'internet-enabled', 'label', 'resource-name', 'status', 'order', 'sort'],
    required: [],
    path: '/api/v2/gateways',
  },
  'eas describe-gateway': {
    handler: list.describeGateway,
    flags: ONE_GATEWAY,
    required: ONE_GATEWAY,
    path: '/api/v2/gateways/{R}/{G}',
  },
  'eas list-gateway-intranet-linked-vpc': {
    handler: list.listGatewayIntranetLinkedVpc,
    flags: ONE_GATEWAY,
    required: ['gateway-id'],
    path: '/api/v2/gateways/{R}/{G}/intranet_endpoint_linked_vpc',
  },
  'eas create-service': {
    handler: createService,
    flags: ['biz-body', 'labels', 'workspace-id', 'develop'],
    required: ['biz-body'],
    path: '/api/v2/services',
  },
  'eas describe-service': {
    handler: svc.describeService,
    flags: ONE_SERVICE,
    required: ['service-name'],
    path: SVC,
  },
  'eas describe-service-endpoints': {
    handler: svc.describeServiceEndpoints,
    flags: ONE_SERVICE,
    required: ['service-name'],
    path: `${SVC}/endpoints`,
  },
  'eas describe-service-event': {
    handler: svc.describeServiceEvent,
    flags: [...ONE_SERVICE, 'page-num', 'page-size', 'event-type', 'instance-name', 'start-time', 'end-time'],
    required: ['service-name'],
    path: `${SVC}/events`,
  },
  'eas describe-service-log': {
    handler: describeServiceLog,
    flags: [...ONE_SERVICE, 'page-num', 'page-size', 'keyword', 'instance-name', 'container-name', 'ip', 'start-time', 'end-time', 'previous'],
    required: ['service-name'],
    path: `${SVC}/logs`,
  },
  // The lifecycle calls (delete-service among them) with their transitions: lifecycle-op-table.ts.
  ...LIFECYCLE_OPS,
};

/** Flags every plugin command takes (the host passes them through). */
export const PLUGIN_GLOBAL_FLAGS = ['region', 'user-agent', 'profile'];

/** The host's own flags a built-in call may carry (aliyun-cli `config/flags.go`, `openapi/flags.go`). */
export const HOST_FLAGS = ['region', 'user-agent', 'profile', 'read-timeout', 'connect-timeout', 'retry-count', 'quiet', 'endpoint', 'language'];
