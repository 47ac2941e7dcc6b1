import {
  NETWORK_FIELD_IDS,
  NETWORK_MODE_IDS,
  type NetworkFieldId,
  type NetworkModeId,
} from '../src/deploy/network/registry.js';

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
  resourceGroup: 'resource_group',
  autoscaleMin: 'autoscale_min',
  autoscaleMax: 'autoscale_max',
  dryRun: 'dry_run',
  ttl: 'ttl',
} as const;
/** The form's field ids: the core ones above and each network mode's own (src/deploy/network/). */
export type FieldId = (typeof FIELD)[keyof typeof FIELD] | NetworkFieldId;
export const FIELD_IDS: readonly FieldId[] = [...Object.values(FIELD), ...NETWORK_FIELD_IDS];

/** Field values to start the modal with (raw strings, as a person would type them). */
export type Prefill = Partial<Record<FieldId, string>>;

/** Buttons on messages; their value is the deployment id. */
export const ACTION = {
  refreshStatus: 'refresh_status',
  redeploy: 'redeploy',
  resendToken: 'resend_token',
} as const;

/**
 * Buttons that act on a service the bot made (CONTRACT.md "Lifecycle", "Lifetime"): the summary's
 * four carry `{"region": …, "service": …}`; ttl_keep also the lifetime and the expiry it was for.
 */
export const SERVICE_ACTION = {
  stop: 'svc_stop',
  restart: 'svc_restart',
  extend: 'svc_extend',
  delete: 'svc_delete',
  start: 'svc_start',
  deleteConfirm: 'svc_delete_confirm',
  keep: 'ttl_keep',
  ttlStop: 'ttl_stop',
} as const;
export type ServiceActionId = (typeof SERVICE_ACTION)[keyof typeof SERVICE_ACTION];

/** The network select's values (`shared`, `gateway`, `nlb`), one per module in src/deploy/network/. */
export const NETWORK_MODES = NETWORK_MODE_IDS;
export type { NetworkModeId };
