import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { buildHomeView } from '../../../../blocks/home-view.js';
import type { ListenerDeps } from '../../listener-deps.js';

type Args = AllMiddlewareArgs & SlackEventMiddlewareArgs<'app_home_opened'>;

/** App Home opened: publish the person's recent deployments. */
export function publishHome(deps: ListenerDeps) {
  return async ({ event, client }: Args): Promise<void> => {
    if (event.tab !== 'home') return;
    const items = await deps.ports.history.listRecent({ userId: event.user, limit: 20 });
    await client.views.publish({ user_id: event.user, view: buildHomeView(items) });
  };
}
