/** Every Slack id the bot uses, defined once. Field block_id == action_id == field name (CONTRACT.md). */

export const DEPLOY_CALLBACK_ID = 'eas_deploy';
export const SLASH_COMMAND = '/eas-deploy';

export const FIELD = {
  region: 'region',
  serviceName: 'service_name',
  workspace: 'workspace',
  image: 'image',
  instanceType: 'instance_type',
  replicas: 'replicas',
  port: 'port',
  command: 'command',
  ossPath: 'oss_path',
  network: 'network',
  gateway: 'gateway',
  resourceGroup: 'resource_group',
  autoscaleMin: 'autoscale_min',
  autoscaleMax: 'autoscale_max',
  dryRun: 'dry_run',
  // NLB fields (optional; discovered in the region when empty). Not in CONTRACT.md: ids of our own.
  nlbId: 'nlb_id',
  vpcId: 'vpc_id',
  vswitchIds: 'vswitch_ids',
  securityGroup: 'security_group',
  netType: 'net_type',
} as const;
export type FieldId = (typeof FIELD)[keyof typeof FIELD];
export const FIELD_IDS: readonly FieldId[] = Object.values(FIELD);

/** Field values to start the modal with (raw strings, as a person would type them). */
export type Prefill = Partial<Record<FieldId, string>>;

/** Buttons on messages; their value is the deployment id. */
export const ACTION = {
  refreshStatus: 'refresh_status',
  redeploy: 'redeploy',
  resendToken: 'resend_token',
} as const;

export const NETWORK_MODES = ['shared', 'gateway', 'nlb'] as const;
export type NetworkModeId = (typeof NETWORK_MODES)[number];
