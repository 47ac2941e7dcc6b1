import type { OpContext } from '../op-context.js';
import { invalidParameter, jsonResult, type SimResult } from '../sim-result.js';
import type { SimChange, SimService } from '../sim-state.js';
import { findService, isResult } from './eas-service-ops.js';

/**
 * Stop/Start/Restart/Delete/ScaleService (aliyun-cli-facts.md "Lifecycle"; G
 * `stop_service_response_body_model.go` etc.): each answers `{RequestId, Message}` and moves the
 * service into a transition the status reads compute. The Message texts are the SDK examples'
 * (`Service [foo] in region [cn-shanghai] is starting`); the bot never matches on them. What EAS
 * answers to stopping a stopped service is unverified: the simulator accepts it.
 */
function change(ctx: OpContext, kind: SimChange['kind'], doing: string): SimResult {
  const found = findService(ctx);
  if (isResult(found)) return found;
  mark(found, kind, ctx.now);
  return jsonResult({ Message: `Service [${found.name}] in region [${ctx.region}] is ${doing}` });
}

/** Records a lifecycle call on the service. */
export function mark(service: SimService, kind: SimChange['kind'], now: number): void {
  service.change = { kind, at: now };
  service.updatedAt = now;
}

/** eas stop-service --cluster-id R --service-name S */
export const stopService = (ctx: OpContext): SimResult => change(ctx, 'stop', 'stopping');

/** eas start-service --cluster-id R --service-name S */
export const startService = (ctx: OpContext): SimResult => change(ctx, 'start', 'starting');

/** eas restart-service --cluster-id R --service-name S */
export const restartService = (ctx: OpContext): SimResult => change(ctx, 'restart', 'restarting');

/** eas delete-service: `Deleting` for `lifecycle.transitionMs`, then gone from every answer. */
export const deleteService = (ctx: OpContext): SimResult => change(ctx, 'delete', 'terminating');

/** eas scale-service --instance N (body `{"Instance": N}`, required; P `_scale_service_request.py`). */
export function scaleService(ctx: OpContext): SimResult {
  const text = ctx.flags.instance ?? '';
  if (!/^\d{1,4}$/.test(text)) return invalidParameter('Instance must be a non-negative integer');
  const found = findService(ctx);
  if (isResult(found)) return found;
  const metadata = (found.config.metadata ?? {}) as Record<string, unknown>;
  found.config = { ...found.config, metadata: { ...metadata, instance: Number(text) } };
  mark(found, 'scale', ctx.now);
  return jsonResult({ Message: `Service [${found.name}] in region [${ctx.region}] is scaling` });
}
