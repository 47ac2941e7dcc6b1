import type { AllMiddlewareArgs, SlackOptionsMiddlewareArgs } from '@slack/bolt';
import { buildInstanceOptions } from '../../../../blocks/select-options.js';
import type { ListenerDeps } from '../../listener-deps.js';
import { withinBudget } from '../../within-budget.js';
import { readStateValues } from '../views/read-state-values.js';

type Args = AllMiddlewareArgs & SlackOptionsMiddlewareArgs<'block_suggestion'>;

/** Instance type search: the chosen region's types, GPU first, with the hourly price when known. */
export function suggestInstanceTypes(deps: ListenerDeps) {
  return async ({ ack, body, logger }: Args): Promise<void> => {
    const region = readStateValues(body.view?.state?.values).region;
    const specs = region
      ? await withinBudget(
          () => deps.ports.catalog.listInstanceTypes(region),
          deps.ackBudgetMs,
          (reason, error) => {
            logger.warn(`listInstanceTypes ${reason}`, error);
            return [];
          },
        )
      : [];
    await ack({ options: buildInstanceOptions(specs, body.value ?? '', deps.priceOf) });
  };
}
