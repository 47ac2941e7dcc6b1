import type { types, webApi } from '@slack/bolt';
import { z } from 'zod';

/** A view Slack opened or updated: the ids a later views.update needs. */
export const ShownView = z.object({ id: z.string(), hash: z.string() });
export type ShownView = z.infer<typeof ShownView>;
/** What Slack answers views.open / views.update with, as far as the bot reads it. */
const ViewAnswer = z.object({ view: ShownView });

/**
 * views.open / views.update with the view already JSON-encoded, which is what Slack's form-encoded
 * API takes (the bytes on the wire are the same). Why: given an object, the Web API client walks
 * the whole view twice more to build debug strings it drops at our log level; on the command path
 * that was a third of views.open's CPU, on the thread that acknowledges the next command.
 */
export async function openView(
  client: webApi.WebClient,
  triggerId: string,
  view: types.View,
): Promise<ShownView> {
  const answer = await client.apiCall('views.open', {
    trigger_id: triggerId,
    view: JSON.stringify(view),
  });
  return ViewAnswer.parse(answer).view;
}

/** views.update; `hash` makes Slack refuse (hash_conflict) when the view changed since it was read. */
export async function updateView(
  client: webApi.WebClient,
  target: { viewId: string; hash?: string },
  view: types.View,
): Promise<ShownView> {
  const answer = await client.apiCall('views.update', {
    view_id: target.viewId,
    ...(target.hash ? { hash: target.hash } : {}),
    view: JSON.stringify(view),
  });
  return ViewAnswer.parse(answer).view;
}
