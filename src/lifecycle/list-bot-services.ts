import { type CallDeps, callCli } from '../aliyun/call-cli.js';
import { describeCliError } from '../aliyun/explain-cli-error.js';
import {
  buildLifecycleUserAgent,
  LIST_SERVICES_PAGE_SIZE,
  listLabelledServicesArgs,
} from '../aliyun/lifecycle-commands.js';
import {
  type LifecycleService,
  ListLifecycleServicesResponse,
} from '../aliyun/lifecycle-schemas.js';
import { type BotLabels, botLabelFilter, readBotLabels } from './bot-labels.js';

/** One service the bot made, as ListServices shows it, with its labels read. */
export interface BotService {
  readonly region: string;
  readonly service: LifecycleService;
  readonly labels: BotLabels;
}

export interface BotServiceList {
  readonly services: readonly BotService[];
  /** Regions whose listing failed, with the CLI's words: a partial list says so. */
  readonly problems: readonly string[];
}

const REGIONS_AT_ONCE = 4;

/** More pages than this is a runaway listing, not an account. */
const MAX_PAGES = 50;

/** Every page of ListServices with the bot's label filter in one region. */
async function listRegion(
  deps: CallDeps,
  region: string,
  owner: string | undefined,
): Promise<BotService[]> {
  const t = { region, userAgent: buildLifecycleUserAgent('list') };
  const found: BotService[] = [];
  for (let page = 1; page <= MAX_PAGES; page += 1) {
    const args = listLabelledServicesArgs(t, botLabelFilter(owner), page);
    const answer = await callCli(deps, args, ListLifecycleServicesResponse);
    if (!answer.ok) throw new Error(`${region}: ${describeCliError(answer.error)}`);
    const services = answer.data.Services ?? [];
    for (const service of services) {
      const labels = readBotLabels(service.Labels);
      if (labels) found.push({ region, service, labels });
    }
    const total = answer.data.TotalCount ?? 0;
    if (services.length < LIST_SERVICES_PAGE_SIZE || page * LIST_SERVICES_PAGE_SIZE >= total) break;
  }
  return found;
}

/**
 * The services the bot made, read from the cloud (ListServices with the label filter, paged), in
 * every region given at once; one person's when `owner` is set. What Redis knows plays no part:
 * this is what `list`, App Home and the schedules are rebuilt from.
 */
export async function listBotServices(
  deps: CallDeps,
  regions: readonly string[],
  owner?: string,
  atOnce = REGIONS_AT_ONCE,
): Promise<BotServiceList> {
  // A few regions at a time: every region is a CLI process, and the machine is shared.
  const settled: PromiseSettledResult<BotService[]>[] = [];
  for (let i = 0; i < regions.length; i += atOnce) {
    const batch = regions.slice(i, i + atOnce);
    settled.push(...(await Promise.allSettled(batch.map((r) => listRegion(deps, r, owner)))));
  }
  const services = settled.flatMap((s) => (s.status === 'fulfilled' ? s.value : []));
  const problems = settled.flatMap((s) =>
    s.status === 'rejected'
      ? [s.reason instanceof Error ? s.reason.message : String(s.reason)]
      : [],
  );
  return { services, problems };
}
