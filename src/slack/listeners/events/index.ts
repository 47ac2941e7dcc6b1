import type { App } from '@slack/bolt';
import type { ListenerDeps } from '../../listener-deps.js';

/**
 * A user group's members changed: its cached list is dropped at once, so someone removed from an
 * allowed group cannot deploy on the strength of the old list (the cache would otherwise trust it
 * for up to 5 minutes). Needs the `subteam_members_changed` bot event (manifest.json).
 */
export function registerEvents(app: App, deps: ListenerDeps): void {
  app.event('subteam_members_changed', async ({ event, logger }) => {
    deps.members?.forget(event.subteam_id);
    logger.debug(`user group ${event.subteam_id} changed: its member list will be asked again`);
  });
}
