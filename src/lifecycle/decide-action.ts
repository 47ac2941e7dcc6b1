import type { LifecycleService } from '../aliyun/lifecycle-schemas.js';
import type { LifecycleAction } from './lifecycle-request.js';
import { BUSY_STATUSES, GONE_STATUSES, STOPPED_STATUSES } from './service-status.js';

/** Where the service should end up, resolved once and kept in the journal. */
export interface ActionTarget {
  readonly replicas?: number;
  readonly version?: number;
  /** extend: the new `eas-deploy.expires-at` label value. */
  readonly expiresAt?: string;
}

export interface ActionState {
  readonly action: LifecycleAction;
  readonly target: ActionTarget;
  /** The service as just read; undefined when the cloud says it does not exist. */
  readonly service: LifecycleService | undefined;
  /** The expires-at label as just read (extend). */
  readonly expiresAtLabel?: string;
  /** Saved before the changing call: a re-run must not change the cloud twice. */
  readonly attemptedAt?: number;
}

export type ActionDecision =
  | { kind: 'act' }
  | { kind: 'done'; detail: string }
  | { kind: 'blocked'; reason: string };

/** The cloud's clock and the worker's may differ by this much when reading UpdateTime. */
const CLOCK_SKEW_MS = 5_000;

const done = (detail: string): ActionDecision => ({ kind: 'done', detail });
const blocked = (reason: string): ActionDecision => ({ kind: 'blocked', reason });

/** A restart happened when the service changed after it was attempted (or is still restarting). */
function restartSeen(service: LifecycleService, attemptedAt: number | undefined): boolean {
  if (attemptedAt === undefined) return false;
  if (BUSY_STATUSES.has(service.Status)) return true;
  const updated = Date.parse(service.UpdateTime ?? '');
  return !Number.isNaN(updated) && updated >= attemptedAt - CLOCK_SKEW_MS;
}

/**
 * Reads the service first and acts only when it is not already where the action leads: the
 * decision that makes every lifecycle job safe to re-run after a crash at any step.
 */
export function decideAction(state: ActionState): ActionDecision {
  const { service, target } = state;
  if (!service) {
    return state.action === 'delete' && state.attemptedAt !== undefined
      ? done('deleted')
      : blocked('The service no longer exists.');
  }
  const status = service.Status;
  if (state.action === 'delete')
    return GONE_STATUSES.has(status) ? done('deleting') : { kind: 'act' };
  if (GONE_STATUSES.has(status)) return blocked(`The service is ${status}.`);
  switch (state.action) {
    case 'stop':
      return STOPPED_STATUSES.has(status) ? done(`already ${status}`) : { kind: 'act' };
    case 'start':
      if (status === 'Stopped' || status === 'Failed') return { kind: 'act' };
      if (status === 'Stopping')
        return blocked('It is still Stopping; start it once it is Stopped.');
      return done(`already ${status}`);
    case 'restart':
      if (restartSeen(service, state.attemptedAt)) return done(`now ${status}`);
      if (STOPPED_STATUSES.has(status)) return blocked(`It is ${status}; start it instead.`);
      return { kind: 'act' };
    case 'scale':
      if (service.TotalInstance === target.replicas) return done(`${target.replicas} instance(s)`);
      if (STOPPED_STATUSES.has(status)) return blocked(`It is ${status}; start it first.`);
      return { kind: 'act' };
    case 'rollback':
      if (service.CurrentVersion === target.version) return done(`on version ${target.version}`);
      return { kind: 'act' };
    case 'extend':
      return state.expiresAtLabel === target.expiresAt
        ? done(`until ${target.expiresAt}`)
        : { kind: 'act' };
  }
}
