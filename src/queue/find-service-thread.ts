import type { ServiceFacts } from '../lifecycle/lifecycle-journal.js';
import type { LifecycleActor } from '../lifecycle/lifecycle-request.js';
import type { DeploymentRecords } from './deployment-records.js';
import type { ServiceThread } from './lifecycle-reporter.js';

/**
 * Where a service's messages go: the thread of the deployment that made it (found by its
 * request-id label), else its channel label, else where the person asked.
 */
export async function findServiceThread(
  records: DeploymentRecords,
  facts: Pick<ServiceFacts, 'requestId' | 'channel'>,
  actor?: LifecycleActor,
): Promise<ServiceThread | undefined> {
  const record = facts.requestId
    ? await records.get(facts.requestId).catch(() => undefined)
    : undefined;
  if (record?.parentTs) return { channelId: record.channelId, threadTs: record.parentTs };
  if (facts.channel) return { channelId: facts.channel };
  // A click in App Home has no channel: then nowhere but privately.
  return actor?.kind === 'person' && actor.channelId ? { channelId: actor.channelId } : undefined;
}
