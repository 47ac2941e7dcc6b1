import { type OpContext, paginate } from '../op-context.js';
import { invalidParameter, jsonResult, type SimResult } from '../sim-result.js';
import type { SimService, SimVersion } from '../sim-state.js';
import { findService, isResult } from './eas-service-ops.js';
import { mark } from './lifecycle-ops.js';

/** Version 1 is the config the service was created with. */
function versionsOf(service: SimService): SimVersion[] {
  service.versions ??= [
    { version: 1, config: service.config, image: service.image, builtAt: service.createdAt },
  ];
  return service.versions;
}

/**
 * eas list-service-versions --page-number --page-size: `Versions[{BuildTime, ImageAvailable,
 * ImageId, Message, ServiceConfig, ServiceRunnable}]` (G `list_service_versions_response_body_model.go`;
 * P `_list_service_versions_response_body.py`). There is no version field: `ImageId` carries the
 * number UpdateServiceVersion takes. Newest first; order and default page size are unverified.
 */
export function listServiceVersions(ctx: OpContext): SimResult {
  const found = findService(ctx);
  if (isResult(found)) return found;
  const newestFirst = [...versionsOf(found)].reverse();
  const { page, ...paging } = paginate(newestFirst, ctx.flags, 100);
  return jsonResult({
    ...paging,
    Versions: page.map((v) => ({
      BuildTime: new Date(v.builtAt).toISOString(),
      ImageAvailable: 'true',
      ImageId: v.version,
      Message: '',
      ServiceConfig: JSON.stringify(v.config),
      ServiceRunnable: 'true',
    })),
  });
}

/** eas update-service-version --biz-version N (body `{"Version": N}`): the rollback. */
export function updateServiceVersion(ctx: OpContext): SimResult {
  const wanted = Number(ctx.flags['biz-version']);
  const found = findService(ctx);
  if (isResult(found)) return found;
  const version = versionsOf(found).find((v) => v.version === wanted);
  if (!version)
    return invalidParameter(
      `version ${ctx.flags['biz-version']} of service ${found.name} not found`,
    );
  found.config = version.config;
  found.image = version.image;
  found.currentVersion = version.version;
  mark(found, 'update', ctx.now);
  return jsonResult({
    Message: `Succeed to update service [${found.name}] in region [${ctx.region}]`,
  });
}

/**
 * eas update-service --biz-body '<json>' (merge, the default UpdateType): the top-level keys given
 * replace the current ones, and the result is a new version.
 */
export function updateService(ctx: OpContext): SimResult {
  let body: unknown;
  try {
    body = JSON.parse(ctx.flags['biz-body'] ?? '');
  } catch {
    return invalidParameter('the request body is not valid JSON');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return invalidParameter('the request body must be a JSON object');
  }
  const found = findService(ctx);
  if (isResult(found)) return found;
  const versions = versionsOf(found);
  const config = { ...found.config, ...(body as Record<string, unknown>) };
  const image = (config.containers as { image?: string }[] | undefined)?.[0]?.image ?? found.image;
  const version = versions.length + 1;
  versions.push({ version, config, image, builtAt: ctx.now });
  found.config = config;
  found.image = image;
  found.currentVersion = version;
  mark(found, 'update', ctx.now);
  return jsonResult({
    Message: `Succeed to update service [${found.name}] in region [${ctx.region}]`,
  });
}
