// biome-ignore-all format: one flag list per line reads like the meta's parameter list
import type { OpEntry } from './op-entry.js';
import * as label from './ops/label-ops.js';
import * as life from './ops/lifecycle-ops.js';
import * as version from './ops/version-ops.js';

const SVC = '/api/v2/services/{R}/{N}';
const ONE_SERVICE = ['cluster-id', 'service-name'];
const one = (
  handler: OpEntry['handler'],
  method: string,
  suffix: string,
  flags: readonly string[] = [],
  required: readonly string[] = [],
): OpEntry => ({
  handler,
  flags: [...ONE_SERVICE, ...flags],
  required: ['service-name', ...required],
  path: `${SVC}${suffix}`,
  method,
});

/**
 * The lifecycle calls, with each API's method, path and parameters (aliyun-cli-facts.md
 * "Lifecycle"; aliyun-openapi-meta `metadatas/eas/<Api>.json`, kebab-case, a parameter that
 * collides with a host flag renamed `biz-`: `Version` → `--biz-version`, the body → `--biz-body`).
 */
export const LIFECYCLE_OPS: Readonly<Record<string, OpEntry>> = {
  'eas stop-service': one(life.stopService, 'Put', '/stop'),
  'eas start-service': one(life.startService, 'Put', '/start'),
  'eas restart-service': one(life.restartService, 'Put', '/restart'),
  'eas delete-service': one(life.deleteService, 'Delete', ''),
  'eas scale-service': one(life.scaleService, 'Put', '/scale', ['instance', 'instances-to-delete'], ['instance']),
  'eas list-service-versions': one(version.listServiceVersions, 'Get', '/versions', ['page-number', 'page-size']),
  'eas update-service-version': one(version.updateServiceVersion, 'Put', '/version', ['biz-version'], ['biz-version']),
  'eas update-service': one(version.updateService, 'Put', '', ['biz-body', 'update-type', 'member-to-update'], ['biz-body']),
  'eas update-service-label': one(label.updateServiceLabel, 'Put', '/label', ['labels'], ['labels']),
  'eas delete-service-label': one(label.deleteServiceLabel, 'Delete', '/label', ['keys', 'label-keys']),
};
