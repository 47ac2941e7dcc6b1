import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { buildHomeView } from '../../../../blocks/home-view.js';
import { buildHomeServiceBlocks } from '../../../../blocks/service-list.js';
import { keepDurationOf } from '../../../lifecycle/lifecycle-settings.js';
import type { ListenerDeps } from '../../listener-deps.js';

type Args = AllMiddlewareArgs & SlackEventMiddlewareArgs<'app_home_opened'>;

/**
 * App Home opened: the person's services as the cloud's labels tell (expiry, cost, total per
 * hour, the same buttons as the summary), then their recent deployments.
 */
export function publishHome(deps: ListenerDeps) {
  return async ({ event, client }: Args): Promise<void> => {
    if (event.tab !== 'home') return;
    const [items, listing] = await Promise.all([
      deps.ports.history.listRecent({ userId: event.user, limit: 20 }),
      deps.ports.lifecycle?.listServices({ owner: event.user }).catch(() => undefined),
    ]);
    const services = listing
      ? buildHomeServiceBlocks({
          lines: listing.lines,
          extendBy: keepDurationOf(deps.defaultTtl),
          ...(listing.total ? { total: listing.total } : {}),
        })
      : [];
    await client.views.publish({
      user_id: event.user,
      view: buildHomeView(items, undefined, services),
    });
  };
}
