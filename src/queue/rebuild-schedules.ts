import type { CliRunner } from '../aliyun/cli-runner.js';
import { listBotServices } from '../lifecycle/list-bot-services.js';
import { firstWake } from '../lifecycle/plan-expiry.js';
import type { ExpirySchedules } from './expiry-schedules.js';

/**
 * Rebuilds the expiry schedules from the cloud's labels (ListServices with the bot's label filter,
 * paged, in every region): a service whose schedule is missing gets one; existing ones are kept.
 * Answers how many services carry an expiry, and the regions that could not be read.
 */
export async function rebuildSchedules(deps: {
  cli: CliRunner;
  schedules: ExpirySchedules;
  regions: readonly string[];
  remindBeforeMs: number;
  now: () => number;
}): Promise<{ scheduled: number; problems: readonly string[] }> {
  // One region at a time: a background job that should not crowd the deployments it runs beside.
  const listed = await listBotServices(
    { cli: deps.cli, caller: { purpose: 'expiry-rebuild' } },
    deps.regions,
    undefined,
    1,
  );
  let scheduled = 0;
  for (const { region, service, labels } of listed.services) {
    const wake = firstWake(labels.expiresAt, deps.now(), deps.remindBeforeMs);
    if (wake === undefined) continue;
    await deps.schedules.ensure({ region, service: service.ServiceName }, wake, 'if-missing');
    scheduled += 1;
  }
  return { scheduled, problems: listed.problems };
}
