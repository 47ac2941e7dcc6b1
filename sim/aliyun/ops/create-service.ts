import { type OpContext, parseLabelPairs, regionOf } from '../op-context.js';
import { flatEndpoints } from '../service-endpoints.js';
import { makeAccessToken, makeServiceId } from '../service-record.js';
import { invalidParameter, jsonResult, type SimResult, serverError } from '../sim-result.js';
import type { SimService } from '../sim-state.js';
import { validateServiceBody } from '../validate-service-body.js';

interface Body {
  metadata: { name: string; workspace_id?: string };
  containers: { image: string }[];
  cloud?: { computing?: { instance_type?: string; instances?: { type: string }[] } };
}

/** Why this service will fail, if the world says so (or its instance type has no stock). */
function pickFailure(ctx: OpContext, name: string, image: string, instanceType: string) {
  const rule = ctx.state.world.failures.find(
    (f) =>
      (f.service === undefined || f.service === name) &&
      (f.image === undefined || image.includes(f.image)),
  );
  if (rule) return rule.reason;
  const spec = regionOf(ctx).instanceSpecs.find((s) => s.InstanceType === instanceType);
  return spec?.StockStatus === 'NoStock' ? ('out-of-stock' as const) : undefined;
}

/** eas create-service --biz-body '<json>' [--labels k=v,k=v] [--workspace-id W] */
export function createService(ctx: OpContext): SimResult {
  let raw: unknown;
  try {
    raw = JSON.parse(ctx.flags['biz-body'] ?? '');
  } catch {
    return invalidParameter('the request body is not valid JSON');
  }
  const labels = parseLabelPairs(ctx.flags.labels);
  if (!labels) return invalidParameter('Labels must be key=value pairs separated by commas');
  const invalid = validateServiceBody(raw, regionOf(ctx), ctx.region);
  if (invalid) return invalid;
  // validateServiceBody has checked these fields.
  const body = raw as Body;
  const name = body.metadata.name;
  if (ctx.state.services.some((s) => s.region === ctx.region && s.name === name)) {
    return serverError(409, 'ServiceAlreadyExists', `service "${name}" already exists`);
  }
  const workspaceId = ctx.flags['workspace-id'] ?? body.metadata.workspace_id;
  if (workspaceId && !regionOf(ctx).workspaces.some((w) => w.WorkspaceId === workspaceId)) {
    return invalidParameter(`workspace ${workspaceId} not exists`);
  }
  const image = body.containers[0]?.image ?? '';
  const computing = body.cloud?.computing;
  const instanceType = computing?.instance_type ?? computing?.instances?.[0]?.type ?? 'dedicated';
  const failure = pickFailure(ctx, name, image, instanceType);
  const service: SimService = {
    name,
    region: ctx.region,
    serviceId: makeServiceId(ctx.region, name, String(ctx.now)),
    accessToken: makeAccessToken(),
    image,
    instanceType,
    config: raw as Record<string, unknown>,
    labels,
    ...(workspaceId ? { workspaceId } : {}),
    createdAt: ctx.now,
    ...(failure ? { failure } : {}),
  };
  ctx.state.services.push(service);
  return jsonResult({
    ServiceId: service.serviceId,
    ServiceName: name,
    Status: 'Creating',
    Region: ctx.region,
    ...flatEndpoints(service, ctx.state.world),
  });
}
