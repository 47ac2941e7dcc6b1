import { z } from 'zod';
import { type CallDeps, type CallResult, callCli } from '../aliyun/call-cli.js';
import { listServicesPageArgs, PAGE_SIZE } from '../aliyun/commands.js';
import { ListServicesResponse } from '../aliyun/schemas.js';
import { type LabelledService, readBotLabels } from './labelled-service.js';

const ListServicesPage = ListServicesResponse.extend({
  TotalCount: z.coerce.number().int().nonnegative().optional(),
});

/** Far beyond any account's services; a cloud answering pages forever must not keep the sweep busy. */
const MAX_PAGES = 100;

/**
 * Every service in the region that carries the bot's request-id label: one list-services call per
 * page of 100 (never one call per service). The label filter of ListServices needs a value, and
 * none of the bot's labels has one value for all its services, so the filter is applied here.
 */
export async function listLabelledServices(
  deps: CallDeps,
  region: string,
): Promise<CallResult<LabelledService[]>> {
  const found: LabelledService[] = [];
  for (let page = 1; page <= MAX_PAGES; page += 1) {
    const answer = await callCli(deps, listServicesPageArgs(region, page), ListServicesPage);
    if (!answer.ok) return answer;
    const services = answer.data.Services ?? [];
    for (const service of services) {
      const labelled = readBotLabels(service, region);
      if (labelled) found.push(labelled);
    }
    const total = answer.data.TotalCount;
    const seen = (page - 1) * PAGE_SIZE.services + services.length;
    if (services.length < PAGE_SIZE.services || (total !== undefined && seen >= total)) break;
  }
  return { ok: true, data: found };
}
