import { type AllMiddlewareArgs, type ViewOutput, webApi } from '@slack/bolt';
import { buildDeployModal, type DroppedValue } from '../../../../blocks/deploy-modal.js';
import type { Prefill } from '../../../../blocks/ids.js';
import { NETWORK_MODES } from '../../../../blocks/ids.js';
import type { ListenerDeps } from '../../listener-deps.js';
import { readPrivateMetadata } from '../views/read-private-metadata.js';
import { readStateValues } from '../views/read-state-values.js';

/** The modal as the person left it: typed values, channel and redeploy origin. */
export interface ModalSnapshot {
  readonly viewId: string;
  readonly hash: string;
  readonly prefill: Prefill;
  readonly channelId: string;
  readonly redeployOf?: string;
  /** Pre-fill values the command gave that the form left out (only right after it opens). */
  readonly dropped?: readonly DroppedValue[];
}

/** Reads an open deploy modal out of a block_actions body; undefined when it is not ours. */
export function readModalSnapshot(view: ViewOutput | undefined): ModalSnapshot | undefined {
  const meta = readPrivateMetadata(view?.private_metadata);
  if (!view || !meta) return undefined;
  return {
    viewId: view.id,
    hash: view.hash,
    prefill: readStateValues(view.state.values),
    channelId: meta.channelId,
    ...(meta.redeployOf ? { redeployOf: meta.redeployOf } : {}),
  };
}

/** The listener's client, and its logger for an update Slack refused as stale. */
export type ModalUpdater = Pick<AllMiddlewareArgs, 'client' | 'logger'>;

/** Slack's answer when the view changed since the payload's hash (WebClient throws it as data). */
function isHashConflict(error: unknown): boolean {
  return error instanceof webApi.WebAPIPlatformError && error.data.error === 'hash_conflict';
}

/**
 * views.update with the same block ids, so Slack keeps what was typed; `hash` makes a stale update
 * (the person changed something meanwhile) fail instead of overwriting newer input. That failure is
 * expected: the view stays as the newer update left it, with the person's input, and their next
 * action brings the current hash. Slack offers no way to re-read the view, so nothing is retried.
 */
export async function updateDeployModal(
  { client, logger }: ModalUpdater,
  deps: ListenerDeps,
  snapshot: ModalSnapshot,
  workspaces?: readonly { id: string; name: string }[],
): Promise<void> {
  const { prefill } = snapshot;
  const mode = NETWORK_MODES.find((m) => m === prefill.network) ?? 'shared';
  const known = workspaces ?? deps.ports.catalog.peekWorkspaces(prefill.region);
  const view = buildDeployModal({
    ...(deps.defaultTtl ? { defaultTtl: deps.defaultTtl } : {}),
    prefill,
    channelId: snapshot.channelId,
    regions: deps.regions,
    networkMode: mode,
    ...(known ? { workspaces: known } : {}),
    ...(snapshot.redeployOf ? { redeployOf: snapshot.redeployOf } : {}),
    ...(snapshot.dropped ? { dropped: snapshot.dropped } : {}),
  });
  await client.views
    .update({ view_id: snapshot.viewId, hash: snapshot.hash, view })
    .catch((error: unknown) => {
      if (!isHashConflict(error)) throw error;
      logger.warn(
        `views.update of ${snapshot.viewId} skipped: hash_conflict, the form changed meanwhile`,
      );
    });
}
