import { REGION_PATTERN, SERVICE_NAME_PATTERN } from '../../../deploy/deploy-spec.js';
import type { LifecycleAction, LifecycleRequest } from '../../../lifecycle/lifecycle-request.js';
import { parseDurationMs } from '../../../parse-duration.js';

export type LifecycleCommand =
  | { kind: 'lifecycle'; request: LifecycleRequest }
  | { kind: 'invalid'; message: string };

/** The usage line of each lifecycle subcommand (CONTRACT.md "Lifecycle of the services the bot made"). */
export const LIFECYCLE_USAGE: Readonly<Record<LifecycleAction, string>> = {
  stop: '/eas-deploy stop <service_name> [region]',
  start: '/eas-deploy start <service_name> [region]',
  restart: '/eas-deploy restart <service_name> [region]',
  delete: '/eas-deploy delete <service_name> [region]',
  scale: '/eas-deploy scale <service_name> <replicas> [region]',
  extend: '/eas-deploy extend <service_name> <duration> [region]',
  rollback: '/eas-deploy rollback <service_name> [version] [region]',
};

const isAction = (word: string): word is LifecycleAction => word in LIFECYCLE_USAGE;

/** True for the words that start a lifecycle subcommand. */
export const isLifecycleVerb = (word: string): boolean => isAction(word);

const usage = (action: LifecycleAction, problem?: string): LifecycleCommand => ({
  kind: 'invalid',
  message: `${problem ? `${problem} ` : ''}Usage: ${LIFECYCLE_USAGE[action]}`,
});

/** The one optional trailing region. */
function readRegion(action: LifecycleAction, words: readonly string[]) {
  if (words.length > 1) return { bad: usage(action) };
  const [region] = words;
  if (region !== undefined && !REGION_PATTERN.test(region)) {
    return {
      bad: usage(action, `"${region.slice(0, 40)}" is not a region id such as cn-hangzhou.`),
    };
  }
  return { region };
}

/** Reads `/eas-deploy <action> <service_name> …`; a bad word is named, with the usage. */
export function parseLifecycleCommand(verb: string, args: readonly string[]): LifecycleCommand {
  const action = verb.toLowerCase();
  if (!isAction(action)) return { kind: 'invalid', message: `I do not know "${verb}".` };
  const [service, ...rest] = args;
  if (!service) return usage(action);
  if (!SERVICE_NAME_PATTERN.test(service)) {
    return usage(
      action,
      `"${service.slice(0, 64)}" is not a service name (lowercase letters, digits, _).`,
    );
  }
  let extra: Partial<LifecycleRequest> = {};
  let tail = rest;
  if (action === 'scale') {
    const [count = '', ...after] = rest;
    if (!/^\d{1,3}$/.test(count) || Number(count) > 100) {
      return usage(action, 'Give the number of replicas (0 to 100).');
    }
    extra = { replicas: Number(count) };
    tail = after;
  } else if (action === 'extend') {
    const [duration = '', ...after] = rest;
    if (parseDurationMs(duration) === undefined) {
      return usage(action, 'Give a duration like 4h, 1d or 30m.');
    }
    extra = { duration: duration.toLowerCase() };
    tail = after;
  } else if (action === 'rollback' && /^\d{1,6}$/.test(rest[0] ?? '')) {
    extra = { version: Number(rest[0]) };
    tail = rest.slice(1);
    if (extra.version === 0) return usage(action, 'Versions start at 1.');
  }
  const where = readRegion(action, tail);
  if (where.bad) return where.bad;
  return {
    kind: 'lifecycle',
    request: { action, service, ...extra, ...(where.region ? { region: where.region } : {}) },
  };
}
