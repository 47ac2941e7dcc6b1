import { type CallDeps, callCli } from '../aliyun/call-cli.js';
import type { CallTarget } from '../aliyun/commands.js';
import { describeCliError } from '../aliyun/explain-cli-error.js';
import { listServiceVersionsArgs } from '../aliyun/lifecycle-commands.js';
import { type LifecycleService, ListServiceVersionsResponse } from '../aliyun/lifecycle-schemas.js';
import { type Lifetime, parseDurationMs } from '../parse-duration.js';
import type { BotLabels } from './bot-labels.js';
import type { ActionTarget } from './decide-action.js';
import { extendExpiry, formatExpiresAt, NEVER, readExpiresAt } from './expiry.js';
import type { LifecycleRequest } from './lifecycle-request.js';
import { failOrRetry } from './read-service.js';

export type TargetAnswer = { ok: true; target: ActionTarget } | { ok: false; reason: string };

const no = (reason: string): TargetAnswer => ({ ok: false, reason });
const name = (r: LifecycleRequest) => `\`${r.service}\``;

/** rollback: the version asked for (or the one before the current), checked against ListServiceVersions. */
async function resolveVersion(
  deps: CallDeps,
  t: CallTarget,
  request: LifecycleRequest,
  service: LifecycleService,
): Promise<TargetAnswer> {
  const answer = await callCli(
    deps,
    listServiceVersionsArgs(t, request.service, 1),
    ListServiceVersionsResponse,
  );
  if (!answer.ok)
    return no(`Listing the versions failed: ${describeCliError(failOrRetry(answer.error))}`);
  const versions = (answer.data.Versions ?? []).map((v) => v.ImageId).sort((a, b) => a - b);
  const current = service.CurrentVersion ?? versions.at(-1) ?? 1;
  const wanted = request.version ?? current - 1;
  if (wanted < 1)
    return no(
      `${name(request)} has only version ${current}: there is nothing before it to roll back to.`,
    );
  const found = (answer.data.Versions ?? []).find((v) => v.ImageId === wanted);
  if (!found)
    return no(
      `${name(request)} has no version ${wanted}; its versions are ${versions.join(', ')}.`,
    );
  if (found.ServiceRunnable === 'false' || found.ImageAvailable === 'false') {
    return no(`Version ${wanted} of ${name(request)} can no longer run (its image is gone).`);
  }
  return { ok: true, target: { version: wanted } };
}

/** extend: from the Keep button's expiry (or the label), by the duration; never shortens a later label. */
function resolveExpiry(
  request: LifecycleRequest,
  labels: BotLabels,
  byDefault: Lifetime,
  now: number,
): TargetAnswer {
  const current = labels.expiresAt;
  if (current?.never && !request.from)
    return no(`${name(request)} never expires: there is nothing to extend.`);
  const byMs =
    parseDurationMs(request.duration ?? '') ?? (byDefault.never ? undefined : byDefault.ms);
  if (byMs === undefined)
    return no('Say how long to extend by, e.g. `/eas-deploy extend my_service 1d`.');
  const from = request.from ? readExpiresAt(request.from) : current;
  const wanted = extendExpiry(from, byMs, now);
  const later =
    current && !current.never && current.at >= wanted ? labels.expiresAtLabel : undefined;
  return { ok: true, target: { expiresAt: later ?? formatExpiresAt(wanted) } };
}

/** Where the action leads, worked out once (then kept in the journal so a re-run aims at the same place). */
export async function resolveTarget(
  deps: CallDeps,
  t: CallTarget,
  input: {
    request: LifecycleRequest;
    service: LifecycleService;
    labels: BotLabels | undefined;
    defaultLifetime: Lifetime;
    now: number;
  },
): Promise<TargetAnswer> {
  const { request, service, labels, now } = input;
  switch (request.action) {
    case 'scale':
      return request.replicas === undefined
        ? no(`Say how many instances, e.g. \`/eas-deploy scale ${request.service} 2\`.`)
        : { ok: true, target: { replicas: request.replicas } };
    case 'rollback':
      return resolveVersion(deps, t, request, service);
    case 'extend':
      return labels ? resolveExpiry(request, labels, input.defaultLifetime, now) : no('No labels.');
    case 'start': {
      // Started after its expiry: it gets a fresh lifetime, or the schedule would stop it at once.
      const expired = labels?.expiresAt && !labels.expiresAt.never && labels.expiresAt.at <= now;
      if (!expired) return { ok: true, target: {} };
      const life = input.defaultLifetime;
      return {
        ok: true,
        target: { expiresAt: life.never ? NEVER : formatExpiresAt(now + life.ms) },
      };
    }
    default:
      return { ok: true, target: {} };
  }
}
