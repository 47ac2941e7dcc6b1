// biome-ignore-all format: one argv per line reads like the command a person would type
/**
 * Argv builders for the lifecycle calls (aliyun-cli-facts.md, "Lifecycle"): the plugin forms of the
 * OpenAPI meta examples (`eas stop-service --cluster-id R --service-name S`, `--instance N`,
 * `--biz-version N`). Labels go as create-service sends them (`LABELS_FLAG`, `formatLabels`:
 * `k=v,k=v`), and so does the ListServices filter (`--label k=v`): the project's one label form.
 */
import {
  type CallTarget,
  cluster,
  common,
  EAS_DEPLOY_VERSION,
  formatLabels,
  LABELS_FLAG,
  PAGE_SIZE,
} from './commands.js';

const one = (t: CallTarget, name: string): string[] => [
  ...common(t), ...cluster(t), '--service-name', name,
];

export const stopServiceArgs = (t: CallTarget, name: string): string[] => [
  'eas', 'stop-service', ...one(t, name),
];

export const startServiceArgs = (t: CallTarget, name: string): string[] => [
  'eas', 'start-service', ...one(t, name),
];

export const restartServiceArgs = (t: CallTarget, name: string): string[] => [
  'eas', 'restart-service', ...one(t, name),
];

export const deleteServiceArgs = (t: CallTarget, name: string): string[] => [
  'eas', 'delete-service', ...one(t, name),
];

/** ScaleService: body `{"Instance": N}` (M `ScaleService.json` example `--instance 2`). */
export const scaleServiceArgs = (t: CallTarget, name: string, instances: number): string[] => [
  'eas', 'scale-service', ...one(t, name), '--instance', String(instances),
];

export const LIST_VERSIONS_PAGE_SIZE = 50;

export const listServiceVersionsArgs = (t: CallTarget, name: string, page: number): string[] => [
  'eas', 'list-service-versions', ...one(t, name),
  '--page-number', String(page), '--page-size', String(LIST_VERSIONS_PAGE_SIZE),
];

/** UpdateServiceVersion: body `{"Version": N}` — the rollback (M example `--biz-version N`). */
export const updateServiceVersionArgs = (t: CallTarget, name: string, version: number): string[] => [
  'eas', 'update-service-version', ...one(t, name), '--biz-version', String(version),
];

/** UpdateServiceLabel: body `{"Labels": {"k": "v"}}`; only the labels named change. */
export const updateServiceLabelArgs = (
  t: CallTarget,
  name: string,
  labels: Readonly<Record<string, string>>,
): string[] => [
  'eas', 'update-service-label', ...one(t, name), LABELS_FLAG, formatLabels(labels),
];

export const LIST_SERVICES_PAGE_SIZE = PAGE_SIZE.services;

/** ListServices filtered by labels (query `Label`; the plugin's `--label k=v[,k=v]`), one page. */
export const listLabelledServicesArgs = (
  t: CallTarget,
  labels: Readonly<Record<string, string>>,
  page: number,
): string[] => [
  'eas', 'list-services', ...common(t), '--label', formatLabels(labels),
  '--page-number', String(page), '--page-size', String(LIST_SERVICES_PAGE_SIZE),
];

/** The user agent of a lifecycle operation (`l-…`) or of the expiry schedule's reads. */
export function buildLifecycleUserAgent(operation: string): string {
  return `eas-deploy/${EAS_DEPLOY_VERSION} (lifecycle ${operation})`;
}
