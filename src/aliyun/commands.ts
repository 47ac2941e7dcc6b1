// biome-ignore-all format: one argv per line reads like the command a person would type
/**
 * Pure argv builders for every aliyun call eas-deploy makes (docs/CLI-CALLS.md). Each call carries
 * `--region` (and `--cluster-id` on single-service and gateway calls) and the `--user-agent`.
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

const common = (t: CallTarget): string[] => ['--region', t.region, '--user-agent', t.userAgent];
const cluster = (t: CallTarget): string[] => ['--cluster-id', t.region];
const bizRegion = (t: CallTarget): string[] => ['--biz-region-id', t.region];

export const listWorkspacesArgs = (t: CallTarget): string[] => [
  'aiworkspace', 'list-workspaces', ...common(t), '--page-size', '100',
];

export const listServicesArgs = (t: CallTarget, name: string): string[] => [
  'eas', 'list-services', ...common(t), '--service-name', name,
];

export const LIST_SERVICES_PAGE_SIZE = 100;

/** One page of every service in a region (the orphan sweep; it belongs to no deployment, so no user agent). */
export const listServicesPageArgs = (region: string, page: number): string[] => [
  'eas', 'list-services', '--region', region,
  '--page-size', String(LIST_SERVICES_PAGE_SIZE), '--page-number', String(page),
];

export const LIST_IMAGES_PAGE_SIZE = 50;

export const listImagesArgs = (t: CallTarget, page: number, name?: string): string[] => [
  'aiworkspace', 'list-images', ...common(t), '--verbose', 'true',
  '--labels', 'system.official=true,system.supported.eas=true',
  '--page-size', String(LIST_IMAGES_PAGE_SIZE), '--page-number', String(page),
  ...(name ? ['--name', name] : []),
];

export const describeMachineSpecArgs = (t: CallTarget): string[] => [
  'eas', 'describe-machine-spec', ...common(t),
];

export const listResourcesArgs = (t: CallTarget): string[] => [
  'eas', 'list-resources', ...common(t), '--resource-type', 'Dedicated',
];

export const listGatewayArgs = (t: CallTarget): string[] => ['eas', 'list-gateway', ...common(t)];

export const describeGatewayArgs = (t: CallTarget, gatewayId: string): string[] => [
  'eas', 'describe-gateway', ...common(t), ...cluster(t), '--gateway-id', gatewayId,
];

export const describeVpcsArgs = (t: CallTarget): string[] => [
  'vpc', 'describe-vpcs', ...common(t), ...bizRegion(t),
];

export const describeVswitchesArgs = (t: CallTarget, vpcId: string): string[] => [
  'vpc', 'describe-vswitches', ...common(t), ...bizRegion(t), '--vpc-id', vpcId,
];

export const describeSecurityGroupsArgs = (t: CallTarget, vpcId: string): string[] => [
  'ecs', 'describe-security-groups', ...common(t), ...bizRegion(t), '--vpc-id', vpcId,
];

export const listLoadBalancersArgs = (t: CallTarget): string[] => [
  'nlb', 'list-load-balancers', ...common(t), ...bizRegion(t),
];

/** The labels every service the bot creates carries (CONTRACT.md, "The cloud side"): the cloud's truth. */
export const REQUEST_ID_LABEL = 'eas-deploy.request-id';
export const OWNER_LABEL = 'eas-deploy.owner';
export const EXPIRES_AT_LABEL = 'eas-deploy.expires-at';
export const CHANNEL_LABEL = 'eas-deploy.channel';

/** create-service with the service JSON inline in --body (never file://) and the bot's labels. */
export const createServiceArgs = (
  t: CallTarget,
  body: string,
  labels: Readonly<Record<string, string>>,
  workspaceId?: string,
): string[] => [
  'eas', 'create-service', ...common(t), '--body', body,
  '--labels', JSON.stringify(labels),
  ...(workspaceId ? ['--workspace-id', workspaceId] : []),
];

export const describeServiceArgs = (t: CallTarget, name: string): string[] => [
  'eas', 'describe-service', ...common(t), ...cluster(t), '--service-name', name,
];

export const describeServiceEndpointsArgs = (t: CallTarget, name: string): string[] => [
  'eas', 'describe-service-endpoints', ...common(t), ...cluster(t), '--service-name', name,
];

/** The CLI plugin that serves a product, when it is a plugin (vpc/ecs/nlb are built in). */
export function pluginForProduct(product: string | undefined): string | undefined {
  if (product === 'eas') return 'aliyun-cli-eas';
  if (product === 'aiworkspace') return 'aliyun-cli-aiworkspace';
  return undefined;
}

export const installPluginArgs = (plugin: string): string[] => [
  'plugin', 'install', '--names', plugin, '--force',
];

export const listPluginsArgs = (): string[] => ['plugin', 'list'];
