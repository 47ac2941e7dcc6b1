import { type CallDeps, type CallResult, callCli } from '../aliyun/call-cli.js';
import type { CallTarget } from '../aliyun/commands.js';
import {
  deleteServiceArgs,
  restartServiceArgs,
  scaleServiceArgs,
  startServiceArgs,
  stopServiceArgs,
  updateServiceLabelArgs,
  updateServiceVersionArgs,
} from '../aliyun/lifecycle-commands.js';
import { LifecycleAnswer } from '../aliyun/lifecycle-schemas.js';
import { type BotLabels, relabelExpiry } from './bot-labels.js';
import type { ActionTarget } from './decide-action.js';
import type { LifecycleAction } from './lifecycle-request.js';

/** The one call that changes the cloud for each action (extend: the expiry label). */
function argsFor(
  t: CallTarget,
  action: LifecycleAction,
  name: string,
  target: ActionTarget,
  labels: BotLabels,
): string[] {
  switch (action) {
    case 'stop':
      return stopServiceArgs(t, name);
    case 'start':
      return startServiceArgs(t, name);
    case 'restart':
      return restartServiceArgs(t, name);
    case 'delete':
      return deleteServiceArgs(t, name);
    case 'scale':
      return scaleServiceArgs(t, name, target.replicas ?? 1);
    case 'rollback':
      return updateServiceVersionArgs(t, name, target.version ?? 1);
    case 'extend':
      return updateServiceLabelArgs(t, name, relabelExpiry(labels, target.expiresAt ?? ''));
  }
}

/**
 * Makes the change. Never repeated blindly after a network error (the change may have happened):
 * the caller reads the service again and decides, as create-service reconciles.
 */
export function actOnService(
  deps: CallDeps,
  t: CallTarget,
  input: { action: LifecycleAction; name: string; target: ActionTarget; labels: BotLabels },
): Promise<CallResult<LifecycleAnswer>> {
  const args = argsFor(t, input.action, input.name, input.target, input.labels);
  return callCli(deps, args, LifecycleAnswer, { idempotent: false });
}

/** Writes a new expiry on the service (start after expiry): the label and the schedule change together. */
export function writeExpiry(
  deps: CallDeps,
  t: CallTarget,
  name: string,
  labels: BotLabels,
  expiresAt: string,
): Promise<CallResult<LifecycleAnswer>> {
  return callCli(
    deps,
    updateServiceLabelArgs(t, name, relabelExpiry(labels, expiresAt)),
    LifecycleAnswer,
  );
}
