import {
  FAILURE_SHAPES,
  failureMessage,
  failureWarnings,
  type SimFailureReason,
} from './failure-causes.js';
import type { SimService } from './sim-state.js';

/** An event as DescribeServiceEvent lists it. */
export interface SimEvent {
  Type: 'Normal' | 'Warning';
  Reason: string;
  Message: string;
  Time: string;
}

/** The phase of a service its failure rule has struck: Failed, or Waiting for ever (wrong port). */
export function failedPhase(
  s: SimService,
  reason: SimFailureReason,
  events: readonly SimEvent[],
  time: string,
) {
  const warnings = failureWarnings(reason, s).map(
    (w): SimEvent => ({ Type: 'Warning', ...w, Time: time }),
  );
  const { status } = FAILURE_SHAPES[reason];
  // A server on the wrong port did start: its image was pulled, only the health check fails.
  const pulled: SimEvent[] =
    status === 'Waiting'
      ? [
          {
            Type: 'Normal',
            Reason: 'Pulled',
            Message: `Successfully pulled image ${s.image}`,
            Time: time,
          },
        ]
      : [];
  return {
    status,
    reason: warnings.at(-1)?.Reason ?? 'Failed',
    message: failureMessage(reason, s),
    events: [...events, ...pulled, ...warnings],
  };
}
