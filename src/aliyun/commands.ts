// biome-ignore-all format: one argv per line reads like the command a person would type
/**
 * Pure argv builders for every aliyun call eas-deploy makes (docs/CLI-CALLS.md). eas and
 * aiworkspace calls are plugin commands (kebab-case, `--region`); vpc, ecs and nlb calls use the
 * CLI's built-in PascalCase form (`--RegionId`), which needs no plugin. Every call carries
 * `--region` and the `--user-agent` that names the deployment.
 */

export const EAS_DEPLOY_VERSION = '0.1.0';

/** Where a call goes and how it is traced in the cloud's logs. */
export interface CallTarget {
  readonly region: string;
  readonly userAgent: string;
}

/** The user agent that names the bot and the deployment. */
export function buildUserAgent(deploymentId: string): string {
  return `eas-deploy/${EAS_DEPLOY_VERSION} (deployment ${deploymentId})`;
}

export const common = (t: CallTarget): string[] => ['--region', t.region, '--user-agent', t.userAgent];
export const cluster = (t: CallTarget): string[] => ['--cluster-id', t.region];
/** A built-in RPC call names its region twice: the endpoint (`--region`) and the API's RegionId. */
const builtIn = (t: CallTarget): string[] => [...common(t), '--RegionId', t.region];
const page = (n: number, size: number): string[] => ['--page-number', String(n), '--page-size', String(size)];
const rpcPage = (n: number, size: number): string[] => ['--PageNumber', String(n), '--PageSize', String(size)];

/** Page sizes: the largest each API accepts (aliyun-cli-facts.md, fact 15). */
export const PAGE_SIZE = { workspaces: 100, services: 100, images: 50, gateways: 100, resources: 100, vpc: 50, nlb: 100 } as const;

export const listWorkspacesArgs = (t: CallTarget, n = 1): string[] => [
  'aiworkspace', 'list-workspaces', ...common(t), ...page(n, PAGE_SIZE.workspaces),
];

export const listServicesArgs = (t: CallTarget, name: string, n = 1): string[] => [
  'eas', 'list-services', ...common(t), '--service-name', name, ...page(n, PAGE_SIZE.services),
];

/** One page of every service in a region (the orphan sweep; it belongs to no deployment, so no user agent). */
export const listServicesPageArgs = (region: string, n: number): string[] => [
  'eas', 'list-services', '--region', region, ...page(n, PAGE_SIZE.services),
];

export const listImagesArgs = (t: CallTarget, n: number, name?: string): string[] => [
  'aiworkspace', 'list-images', ...common(t), '--verbose', 'true',
  '--labels', 'system.official=true,system.supported.eas=true', ...page(n, PAGE_SIZE.images),
  ...(name ? ['--name', name] : []),
];

export const describeMachineSpecArgs = (t: CallTarget): string[] => [
  'eas', 'describe-machine-spec', ...common(t),
];

export const listResourcesArgs = (t: CallTarget, n = 1): string[] => [
  'eas', 'list-resources', ...common(t), '--resource-type', 'Dedicated', ...page(n, PAGE_SIZE.resources),
];

export const listGatewayArgs = (t: CallTarget, n = 1): string[] => [
  'eas', 'list-gateway', ...common(t), ...page(n, PAGE_SIZE.gateways),
];

export const describeGatewayArgs = (t: CallTarget, gatewayId: string): string[] => [
  'eas', 'describe-gateway', ...common(t), ...cluster(t), '--gateway-id', gatewayId,
];

/** The VPC, vSwitch and security group a dedicated gateway is reached through. */
export const listGatewayLinkedVpcArgs = (t: CallTarget, gatewayId: string): string[] => [
  'eas', 'list-gateway-intranet-linked-vpc', ...common(t), ...cluster(t), '--gateway-id', gatewayId,
];

export const describeVpcsArgs = (t: CallTarget, n: number): string[] => [
  'vpc', 'DescribeVpcs', ...builtIn(t), ...rpcPage(n, PAGE_SIZE.vpc),
];

export const describeVswitchesArgs = (t: CallTarget, vpcId: string, n: number): string[] => [
  'vpc', 'DescribeVSwitches', ...builtIn(t), '--VpcId', vpcId, ...rpcPage(n, PAGE_SIZE.vpc),
];

export const describeSecurityGroupsArgs = (t: CallTarget, vpcId: string, n: number): string[] => [
  'ecs', 'DescribeSecurityGroups', ...builtIn(t), '--VpcId', vpcId, ...rpcPage(n, PAGE_SIZE.vpc),
];

export const listLoadBalancersArgs = (t: CallTarget, nextToken?: string): string[] => [
  'nlb', 'ListLoadBalancers', ...builtIn(t), '--MaxResults', String(PAGE_SIZE.nlb),
  ...(nextToken ? ['--NextToken', nextToken] : []),
];

/** The labels every service the bot creates carries (CONTRACT.md, "The cloud side"): the cloud's truth. */
export const REQUEST_ID_LABEL = 'eas-deploy.request-id';
export const OWNER_LABEL = 'eas-deploy.owner';
export const EXPIRES_AT_LABEL = 'eas-deploy.expires-at';
export const CHANNEL_LABEL = 'eas-deploy.channel';
/**
 * One constant label on every service the bot creates, so ListServices can filter on it (its Label
 * filter matches key AND value, and the four labels above differ per service).
 */
export const MANAGED_BY_LABEL = 'eas-deploy.managed-by';
export const MANAGED_BY_VALUE = 'eas-deploy';

/**
 * How the eas plugin takes a service JSON and labels: the ONE choice (docs/CLI-CALLS.md, "Body
 * and labels"). The plugin's own examples in the OpenAPI meta use `--biz-body` and
 * `--labels key=value`; the plugins rename a parameter that collides with a host flag (`--body`,
 * `--version`, `--region-id`) with `biz-`.
 */
export const SERVICE_BODY_FLAG = '--biz-body';
export const LABELS_FLAG = '--labels';

/** `{a: 1, b: 2}` → `a=1,b=2`; a comma or `=` inside a key or value would change the meaning. */
export function formatLabels(labels: Readonly<Record<string, string>>): string {
  return Object.entries(labels)
    .map(([key, value]) => {
      if (/[,=]/.test(key) || value.includes(',')) throw new Error(`label ${key} cannot be passed as key=value`);
      return `${key}=${value}`;
    })
    .join(',');
}

/** create-service with the service JSON inline (never file://) and the bot's labels. */
export const createServiceArgs = (
  t: CallTarget,
  body: string,
  labels: Readonly<Record<string, string>>,
  workspaceId?: string,
): string[] => [
  'eas', 'create-service', ...common(t), SERVICE_BODY_FLAG, body,
  LABELS_FLAG, formatLabels(labels),
  ...(workspaceId ? ['--workspace-id', workspaceId] : []),
];

export const describeServiceArgs = (t: CallTarget, name: string): string[] => [
  'eas', 'describe-service', ...common(t), ...cluster(t), '--service-name', name,
];

/** The warning events of a service (the serving watch's diagnosis; the API's page size of 20). */
export const describeServiceEventArgs = (t: CallTarget, name: string): string[] => [
  'eas', 'describe-service-event', ...common(t), ...cluster(t), '--service-name', name,
  '--event-type', 'Warning', '--page-num', '1', '--page-size', '20',
];

/** One page of a service's log (the API's default size; the order of the lines is unverified). */
export const LOG_PAGE_SIZE = 500;
export const describeServiceLogArgs = (t: CallTarget, name: string, n = 1): string[] => [
  'eas', 'describe-service-log', ...common(t), ...cluster(t), '--service-name', name,
  '--page-num', String(n), '--page-size', String(LOG_PAGE_SIZE),
];

export const describeServiceEndpointsArgs = (t: CallTarget, name: string): string[] => [
  'eas', 'describe-service-endpoints', ...common(t), ...cluster(t), '--service-name', name,
];

/** The plugins the product's calls need; vpc, ecs and nlb run built in. */
export const REQUIRED_PLUGINS = [
  { product: 'eas', plugin: 'aliyun-cli-eas' },
  { product: 'aiworkspace', plugin: 'aliyun-cli-aiworkspace' },
] as const;

/** `aliyun plugin install` with flags the CLI has (there is no --force). */
export const installPluginArgs = (plugin: string): string[] => ['plugin', 'install', '--names', plugin];

export const listPluginsArgs = (): string[] => ['plugin', 'list'];

/** A harmless call that runs the plugin itself: the product's help, answered by the plugin binary. */
export const pluginHelpArgs = (product: string): string[] => [product, '--help'];
