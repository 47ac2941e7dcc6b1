import { failedPhase } from './failed-phase.js';
import { applyChange, isDeleted, type SimEvent, type SimPhase } from './service-change.js';
import type { SimService } from './sim-state.js';
import type { SimWorld } from './world-schema.js';

export type { SimEvent, SimPhase } from './service-change.js';

/** False right after create while `lifecycle.invisibleMs` lasts: EAS is eventually consistent. */
export function isServiceVisible(service: SimService, world: SimWorld, now: number): boolean {
  return now - service.createdAt >= world.lifecycle.invisibleMs && !isDeleted(service, world, now);
}

/** The status of a service at `now`, from its creation and its last lifecycle call: no daemon. */
export function computePhase(service: SimService, world: SimWorld, now: number): SimPhase {
  return applyChange(computeCreationPhase(service, world, now), service, world, now);
}

function computeCreationPhase(service: SimService, world: SimWorld, now: number): SimPhase {
  const at = (offset: number) => new Date(service.createdAt + offset).toISOString();
  const { creatingMs, waitingMs } = world.lifecycle;
  const elapsed = now - service.createdAt;
  const events: SimEvent[] = [
    {
      Type: 'Normal',
      Reason: 'Scheduled',
      Message: `Instance scheduled on ${service.instanceType}`,
      Time: at(0),
    },
  ];
  if (service.fixedStatus) {
    return {
      status: service.fixedStatus,
      reason: service.fixedStatus.toUpperCase(),
      message: 'Service is stable',
      events,
    };
  }
  if (elapsed < creatingMs) {
    return { status: 'Creating', reason: 'CREATING', message: 'Service is creating', events };
  }
  if (service.failure) return failedPhase(service, service.failure, events, at(creatingMs));
  events.push({
    Type: 'Normal',
    Reason: 'Pulled',
    Message: `Successfully pulled image ${service.image}`,
    Time: at(creatingMs),
  });
  if (elapsed < creatingMs + waitingMs) {
    return {
      status: 'Waiting',
      reason: 'WAITING',
      message: 'Waiting for instances to become ready',
      events,
    };
  }
  events.push({
    Type: 'Normal',
    Reason: 'Started',
    Message: 'Service start successfully',
    Time: at(creatingMs + waitingMs),
  });
  return { status: 'Running', reason: 'RUNNING', message: 'Service start successfully', events };
}
