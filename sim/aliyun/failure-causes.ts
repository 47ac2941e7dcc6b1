import type { SimFailureReason } from './failure-reasons.js';
import type { SimService } from './sim-state.js';

export { SIM_FAILURE_REASONS, type SimFailureReason } from './failure-reasons.js';

/**
 * Why a simulated service does not come up, as EAS shows it: the status it ends in, the warning
 * events (DescribeServiceEvent `Events[{Type, Reason, Message, Time}]`), the status message and
 * what the container logged (service-logs.ts). Sources: Alibaba Cloud's "EAS FAQ"
 * (alibabacloud.com/help/en/pai/faq-about-eas: a port mismatch keeps the service Waiting; a crashed
 * instance reads "Instance <name> not healthy: Instance crashed, please inspect instance log"; OOM,
 * ImagePullBackOff), Kubernetes event reasons (EAS instances are pods: BackOff, Unhealthy,
 * OOMKilled) and PyTorch's CUDA out-of-memory message.
 */

export interface SimWarning {
  readonly Reason: string;
  readonly Message: string;
}

/** What the service looks like once the cause has struck; its log is in service-logs.ts. */
export interface SimFailureShape {
  readonly status: 'Failed' | 'Waiting';
  readonly warnings: readonly SimWarning[];
}

const instanceOf = (s: SimService) => `${s.name}-7d9f8c6b5-x2k4q`;

/** The status message of an instance that crashed (the EAS FAQ's wording). */
export const crashedMessage = (s: SimService) =>
  `Instance <${instanceOf(s)}> not healthy: Instance crashed, please inspect instance log.`;

/** The port the service was deployed with (its first container's). */
export const portOf = (s: SimService): number => {
  const [container] = (s.config.containers ?? []) as { port?: number }[];
  return container?.port ?? 8000;
};

const BACK_OFF: SimWarning = {
  Reason: 'BackOff',
  Message: 'Back-off restarting failed container main',
};

export const FAILURE_SHAPES: Readonly<Record<SimFailureReason, SimFailureShape>> = {
  'image-pull': {
    status: 'Failed',
    warnings: [
      {
        Reason: 'ImagePullBackOff',
        Message: 'Back-off pulling image: failed to pull image, manifest unknown or access denied',
      },
    ],
  },
  'out-of-stock': {
    status: 'Failed',
    warnings: [
      {
        Reason: 'InsufficientResources',
        Message: 'no enough resources: the instance type is out of stock in this region',
      },
    ],
  },
  'crash-loop': {
    status: 'Failed',
    warnings: [
      BACK_OFF,
      {
        Reason: 'CrashLoopBackOff',
        Message: 'Back-off restarting failed container: process exited with code 1',
      },
    ],
  },
  'out-of-memory': {
    status: 'Failed',
    warnings: [
      BACK_OFF,
      {
        Reason: 'OOMKilled',
        Message: 'Container main was killed: CUDA out of memory while loading the model',
      },
    ],
  },
  'wrong-port': {
    status: 'Waiting',
    warnings: [
      {
        Reason: 'Unhealthy',
        Message:
          'Readiness probe failed: Get "http://10.224.3.17:{port}/health": dial tcp 10.224.3.17:{port}: connect: connection refused',
      },
    ],
  },
  'model-not-found': {
    status: 'Failed',
    warnings: [
      BACK_OFF,
      {
        Reason: 'ModelNotFound',
        Message: 'the model path mounted at /model_dir holds no model files',
      },
    ],
  },
};

/** The warning events of a failure, each with the service's own port filled in. */
export function failureWarnings(reason: SimFailureReason, s: SimService): SimWarning[] {
  const port = String(portOf(s));
  return FAILURE_SHAPES[reason].warnings.map((w) => ({
    ...w,
    Message: w.Message.replaceAll('{port}', port),
  }));
}

/** The status message a failed service shows (describe-service `Message`). */
export function failureMessage(reason: SimFailureReason, s: SimService): string {
  const crashes: readonly SimFailureReason[] = ['out-of-memory', 'crash-loop', 'model-not-found'];
  if (crashes.includes(reason)) return crashedMessage(s);
  return failureWarnings(reason, s).at(-1)?.Message ?? 'Service failed';
}
