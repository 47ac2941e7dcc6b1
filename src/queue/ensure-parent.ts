import type { DeploymentReporter } from './deployment-reporter.js';
import { addressOf, type DeployJobData } from './job-data.js';

/**
 * The deployment's parent message, posted at most once even when a Redis failover loses the write
 * that recorded its ts: a marker reaches a replica before anything reaches Slack, so a run that
 * finds the marker without a ts looks the parent up in the channel (by its message metadata)
 * before posting. The ordinary first run asks Slack nothing extra: one write and one WAIT.
 */
export async function ensureParent(
  reporter: DeploymentReporter,
  data: DeployJobData,
  save: (next: DeployJobData) => Promise<void>,
  hold: () => Promise<void>,
): Promise<string> {
  const address = addressOf(data);
  if (address.parentTs) return address.parentTs;
  let found: string | undefined;
  if (data.parentPending) found = await reporter.findStart(address, data.submittedAt);
  else {
    await save({ ...data, parentPending: true });
    await hold();
  }
  const parentTs = found ?? (await reporter.start(address));
  await save({ ...data, parentPending: true, parentTs });
  // On a replica before any step, so a later run needs no lookup.
  await hold();
  return parentTs;
}
