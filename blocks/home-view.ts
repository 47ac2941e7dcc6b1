import type { types } from '@slack/bolt';
import { type DeploymentListItem, formatDeploymentLines } from './answers.js';
import { context, section } from './text.js';

/**
 * The App Home tab: the person's services (when the lifecycle reads them: expiry, cost, buttons),
 * their recent deployments and how to start one, or why they may not.
 */
export function buildHomeView(
  items: readonly DeploymentListItem[],
  refusal?: string,
  services: readonly types.KnownBlock[] = [],
): types.HomeView {
  const list = refusal
    ? section(refusal)
    : items.length === 0
      ? section('You have not deployed anything through eas-deploy yet.')
      : section(`*Your recent deployments*\n${formatDeploymentLines(items)}`);
  return {
    type: 'home',
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: 'eas-deploy' } },
      ...services,
      list,
      context(
        'Type `/eas-deploy` in a channel to deploy a model; `/eas-deploy help` lists the commands.',
      ),
    ],
  };
}
