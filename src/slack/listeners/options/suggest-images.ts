import type { AllMiddlewareArgs, SlackOptionsMiddlewareArgs } from '@slack/bolt';
import { buildImageOptions } from '../../../../blocks/select-options.js';
import type { ListenerDeps } from '../../listener-deps.js';
import { withinBudget } from '../../within-budget.js';
import { readStateValues } from '../views/read-state-values.js';

type Args = AllMiddlewareArgs & SlackOptionsMiddlewareArgs<'block_suggestion'>;

/** Image search: the chosen region's images, plus whatever URI is typed. */
export function suggestImages(deps: ListenerDeps) {
  return async ({ ack, body, logger }: Args): Promise<void> => {
    const region = readStateValues(body.view?.state?.values).region;
    const images = region
      ? await withinBudget(
          () => deps.ports.catalog.listImages(region),
          deps.ackBudgetMs,
          (reason, error) => {
            logger.warn(`listImages ${reason}`, error);
            return [];
          },
        )
      : [];
    await ack({ options: buildImageOptions(images, body.value ?? '') });
  };
}
