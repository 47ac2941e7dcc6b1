import type { OpEntry } from './op-table.js';
import * as label from './ops/label-ops.js';
import * as life from './ops/lifecycle-ops.js';
import * as version from './ops/version-ops.js';

const EAS = 'aliyun-cli-eas';
const SVC = '/api/v2/services/{R}/{N}';
const one = (
  handler: OpEntry['handler'],
  method: string,
  suffix: string,
  required: readonly string[] = [],
): OpEntry => ({
  handler,
  required: ['service-name', ...required],
  path: `${SVC}${suffix}`,
  method,
  plugin: EAS,
});

/**
 * The lifecycle calls, with the method and path of each API (aliyun-cli-facts.md "Lifecycle":
 * every path under `/api/v2/services/{ClusterId}/{ServiceName}`).
 */
export const LIFECYCLE_OPS: Readonly<Record<string, OpEntry>> = {
  'eas stop-service': one(life.stopService, 'Put', '/stop'),
  'eas start-service': one(life.startService, 'Put', '/start'),
  'eas restart-service': one(life.restartService, 'Put', '/restart'),
  'eas delete-service': one(life.deleteService, 'Delete', ''),
  'eas scale-service': one(life.scaleService, 'Put', '/scale', ['instance']),
  'eas list-service-versions': one(version.listServiceVersions, 'Get', '/versions'),
  'eas update-service-version': one(version.updateServiceVersion, 'Put', '/version', [
    'biz-version',
  ]),
  'eas update-service': one(version.updateService, 'Put', '', ['body']),
  'eas update-service-label': one(label.updateServiceLabel, 'Put', '/label', ['labels']),
  'eas delete-service-label': one(label.deleteServiceLabel, 'Delete', '/label'),
};
