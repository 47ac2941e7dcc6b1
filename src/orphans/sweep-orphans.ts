import type { CallDeps } from '../aliyun/call-cli.js';
import type { Logger } from '../logger.js';
import type { LabelledService } from './labelled-service.js';
import { listLabelledServices } from './list-labelled-services.js';

export interface SweepDeps extends CallDeps {
  readonly regions: readonly string[];
  /** True when Redis knows the deployment (its record or its job). */
  readonly isKnown: (deploymentId: string) => Promise<boolean>;
  /** True the first time a service is claimed for a report, across all workers and sweeps. */
  readonly claim: (orphan: LabelledService) => Promise<boolean>;
  readonly report: (orphan: LabelledService) => Promise<void>;
  readonly logger: Logger;
}

export interface SweepResult {
  readonly listed: number;
  readonly orphans: readonly LabelledService[];
  readonly reported: number;
  readonly unreadRegions: readonly string[];
}

/**
 * Finds services that carry the bot's labels but have no record in Redis (lost in a failover, a
 * flush, or made by a job whose data is gone) and tells their owner once, so none runs unknown.
 */
export async function sweepOrphans(deps: SweepDeps): Promise<SweepResult> {
  const orphans: LabelledService[] = [];
  const unreadRegions: string[] = [];
  let listed = 0;
  let reported = 0;
  for (const region of deps.regions) {
    const answer = await listLabelledServices(deps, region);
    if (!answer.ok) {
      unreadRegions.push(region);
      deps.logger.warn(
        { region, code: answer.error.code },
        'orphan sweep could not list the region',
      );
      continue;
    }
    listed += answer.data.length;
    for (const service of answer.data) {
      if (await deps.isKnown(service.requestId)) continue;
      orphans.push(service);
      if (!(await deps.claim(service))) continue;
      await deps.report(service);
      reported += 1;
      deps.logger.warn(
        { region, service: service.serviceName, deploymentId: service.requestId },
        'a service with the bot labels has no record in Redis; its owner was told',
      );
    }
  }
  return { listed, orphans, reported, unreadRegions };
}
