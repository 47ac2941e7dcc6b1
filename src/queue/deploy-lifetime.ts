import type { DeploymentResult } from '../deploy/outcome.js';
import { buildServiceLabels } from '../lifecycle/bot-labels.js';
import { describeExpiry } from '../lifecycle/describe-service-line.js';
import { expiresAtLabel, readExpiresAt } from '../lifecycle/expiry.js';
import {
  keepDuration,
  keepDurationOf,
  type LifecycleSettings,
} from '../lifecycle/lifecycle-settings.js';
import { firstWake } from '../lifecycle/plan-expiry.js';
import { describeCost } from '../lifecycle/price-table.js';
import { parseLifetime } from '../parse-duration.js';
import type { ExpirySchedules } from './expiry-schedules.js';
import type { DeployJobData } from './job-data.js';

/** What a deployment does about its service's lifetime: labels at create, a line in the summary, a schedule after it. */
export interface DeployLifetime {
  /** owner, expiry (submission time + ttl), channel, and the constant label the list filters on. */
  labelsFor(data: DeployJobData): Record<string, string>;
  neverExpires(data: DeployJobData): boolean;
  /** The summary's expiry line and cost (price table). */
  annotate(result: DeploymentResult, data: DeployJobData, instanceType?: string): DeploymentResult;
  /** After the summary is in the thread: the service's one expiry schedule. */
  schedule(data: DeployJobData, serviceName: string): Promise<void>;
}

/** The deployment's lifetime: from the modal's `ttl`, else EAS_DEFAULT_TTL. */
const ttlOf = (data: DeployJobData, settings: LifecycleSettings) =>
  data.spec.ttl ?? settings.defaultTtl;

/** Creates the deployment side of the lifecycle on the worker's schedules. */
export function createDeployLifetime(
  settings: LifecycleSettings,
  schedules: ExpirySchedules,
  now: () => number = Date.now,
): DeployLifetime {
  const labelOf = (data: DeployJobData) => {
    const lifetime = parseLifetime(ttlOf(data, settings)) ?? settings.defaultLifetime;
    return expiresAtLabel(data.submittedAt, lifetime);
  };
  return {
    labelsFor: (data) =>
      buildServiceLabels({
        deploymentId: data.deploymentId,
        owner: data.requester.userId,
        channel: data.channelId,
        expiresAt: labelOf(data),
      }),
    neverExpires: (data) => parseLifetime(ttlOf(data, settings))?.never === true,
    annotate(result, data, instanceType) {
      if (result.result !== 'deployed') return result;
      const expiresAt = readExpiresAt(labelOf(data));
      const cost = describeCost(settings.priceTable, {
        ...(instanceType ? { instanceType } : {}),
        replicas: data.spec.replicas,
        ...(expiresAt ? { expiresAt } : {}),
        now: now(),
      });
      const lifetime = {
        expiry: describeExpiry(expiresAt, now()),
        extendBy: keepDurationOf(settings.defaultTtl),
        ...(cost ? { cost } : {}),
      };
      return { ...result, summary: { ...result.summary, lifetime } };
    },
    async schedule(data, serviceName) {
      const wake = firstWake(readExpiresAt(labelOf(data)), now(), settings.remindBeforeMs);
      if (wake === undefined) return;
      const ttl = keepDuration(ttlOf(data, settings), settings);
      await schedules.ensure(
        { region: data.spec.region, service: serviceName, ttl },
        wake,
        'replace',
      );
    },
  };
}
