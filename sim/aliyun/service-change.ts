import type { SimEvent } from './failed-phase.js';
import type { SimChange, SimService } from './sim-state.js';
import type { SimWorld } from './world-schema.js';

export type { SimEvent } from './failed-phase.js';

export interface SimPhase {
  status: string;
  reason: string;
  message: string;
  events: SimEvent[];
}

/**
 * The status after a lifecycle call, from P `_service.py`'s values: `Stopping` → `Stopped`,
 * `Starting` → `Running` (start, restart), `Scaling` → `Running`, `Updating` → `Running` (a new
 * version), `Deleting` → gone. Computed from the call's time on every read, as creation is.
 */
const DURING: Record<SimChange['kind'], string> = {
  stop: 'Stopping',
  start: 'Starting',
  restart: 'Starting',
  scale: 'Scaling',
  update: 'Updating',
  delete: 'Deleting',
};

const AFTER: Record<SimChange['kind'], string> = {
  stop: 'Stopped',
  start: 'Running',
  restart: 'Running',
  scale: 'Running',
  update: 'Running',
  delete: 'Deleting',
};

const EVENT: Record<SimChange['kind'], string> = {
  stop: 'Service stopped',
  start: 'Service start successfully',
  restart: 'Service restarted successfully',
  scale: 'Service scaled successfully',
  update: 'Service updated successfully',
  delete: 'Service is being deleted',
};

/** True once a deletion has run its course: the service is gone from every answer. */
export function isDeleted(service: SimService, world: SimWorld, now: number): boolean {
  return (
    service.change?.kind === 'delete' && now - service.change.at >= world.lifecycle.transitionMs
  );
}

/** The phase of a service changed by a lifecycle call; the creation phase when there was none. */
export function applyChange(
  base: SimPhase,
  service: SimService,
  world: SimWorld,
  now: number,
): SimPhase {
  const change = service.change;
  if (!change) return base;
  const settled = now - change.at >= world.lifecycle.transitionMs;
  // Starting a service whose image cannot run fails again, as creating it did.
  const failedAgain = settled && AFTER[change.kind] === 'Running' && base.status === 'Failed';
  const status = failedAgain ? 'Failed' : settled ? AFTER[change.kind] : DURING[change.kind];
  const event: SimEvent = {
    Type: 'Normal',
    Reason: status,
    Message: EVENT[change.kind],
    Time: new Date(change.at).toISOString(),
  };
  if (failedAgain) return { ...base, events: [...base.events, event] };
  return {
    status,
    reason: status.toUpperCase(),
    message: settled ? EVENT[change.kind] : `Service is ${status.toLowerCase()}`,
    events: settled ? [...base.events, event] : base.events,
  };
}
