import { type OpContext, parseLabelPairs } from '../op-context.js';
import { invalidParameter, jsonResult, type SimResult } from '../sim-result.js';
import { findService, isResult } from './eas-service-ops.js';

/**
 * eas update-service-label --labels k=v[,k=v] (body `{"Labels": {...}}`, G
 * `update_service_label_request_model.go`; the plugin form of the meta's example, as
 * create-service takes them). The labels named are set; the others are kept (whether the real API
 * keeps them is unverified, so the bot always writes all of its own).
 */
export function updateServiceLabel(ctx: OpContext): SimResult {
  const labels = parseLabelPairs(ctx.flags.labels);
  if (!labels || Object.keys(labels).length === 0) {
    return invalidParameter('Labels must be key=value pairs separated by commas');
  }
  const found = findService(ctx);
  if (isResult(found)) return found;
  found.labels = { ...found.labels, ...labels };
  found.updatedAt = ctx.now;
  return jsonResult({ Message: `Succeed to update labels of service [${found.name}]` });
}

/** The keys to remove: `--label-keys '["k1"]'` (JSON list) or the deprecated `--keys k1,k2`. */
function readKeys(flags: Record<string, string>): string[] | undefined {
  if (flags['label-keys'] !== undefined) {
    try {
      const keys: unknown = JSON.parse(flags['label-keys']);
      return Array.isArray(keys) && keys.every((k) => typeof k === 'string') ? keys : undefined;
    } catch {
      return undefined;
    }
  }
  return flags.keys?.split(',').filter((k) => k.length > 0);
}

/**
 * eas delete-service-label --label-keys '["k1"]' (query `LabelKeys`, a JSON list; `Keys` k1,k2 is
 * deprecated: G `DeleteServiceLabelWithOptions`, P `_delete_service_label_request.py`).
 */
export function deleteServiceLabel(ctx: OpContext): SimResult {
  const keys = readKeys(ctx.flags);
  if (!keys || keys.length === 0) return invalidParameter('LabelKeys must be a JSON list of keys');
  const found = findService(ctx);
  if (isResult(found)) return found;
  found.labels = Object.fromEntries(
    Object.entries(found.labels).filter(([k]) => !keys.includes(k)),
  );
  found.updatedAt = ctx.now;
  return jsonResult({ Message: `Succeed to delete labels of service [${found.name}]` });
}
