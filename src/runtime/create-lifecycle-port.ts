import type { CliRunner } from '../aliyun/cli-runner.js';
import { describeServiceLine, totalHourly } from '../lifecycle/describe-service-line.js';
import { LifecycleJournal } from '../lifecycle/lifecycle-journal.js';
import type { LifecycleSettings } from '../lifecycle/lifecycle-settings.js';
import { listBotServices } from '../lifecycle/list-bot-services.js';
import { formatMoney } from '../lifecycle/price-table.js';
import {
  ACTION_JOB,
  ACTION_JOB_OPTIONS,
  type LifecycleQueue,
  lifecycleOpId,
} from '../queue/lifecycle-queue.js';
import type { LifecyclePort } from '../slack/ports.js';
import { ACK_BUDGET_MS, withinBudget } from '../slack/within-budget.js';

const UNAVAILABLE =
  'The queue is unavailable right now (Redis does not answer). Nothing was queued; please try again in a minute.';

/** Implements the listeners' lifecycle port: the lifecycle queue, and the cloud's labels for listing. */
export function createLifecyclePort(deps: {
  queue: LifecycleQueue;
  cli: CliRunner;
  settings: LifecycleSettings;
  now?: () => number;
}): LifecyclePort {
  const now = deps.now ?? Date.now;
  return {
    async submit(request, actor, idParts) {
      const opId = lifecycleOpId([
        request.action,
        request.service,
        request.region ?? '',
        ...idParts,
      ]);
      const data = {
        kind: 'action' as const,
        opId,
        request,
        actor: { kind: 'person' as const, ...actor },
        journal: LifecycleJournal.parse({}),
        requestedAt: now(),
      };
      const queued = await withinBudget(
        async (late) => {
          await deps.queue.add(ACTION_JOB, data, { ...ACTION_JOB_OPTIONS, jobId: opId });
          // The person already heard "not queued": take it back before a worker runs it.
          if (late.aborted) await deps.queue.remove(opId);
          return !late.aborted;
        },
        ACK_BUDGET_MS,
        () => false,
      );
      return queued ? { ok: true, opId } : { ok: false, message: UNAVAILABLE };
    },
    async listServices(filter) {
      const regions = filter.region ? [filter.region] : deps.settings.regions;
      const listed = await listBotServices(
        { cli: deps.cli, caller: { purpose: 'list' } },
        regions,
        filter.owner,
      );
      const at = now();
      const lines = listed.services
        .map((s) => describeServiceLine(s, deps.settings.priceTable, at))
        .sort((a, b) => a.region.localeCompare(b.region) || a.name.localeCompare(b.name));
      const total = totalHourly(lines);
      const table = deps.settings.priceTable;
      return {
        lines,
        problems: listed.problems,
        ...(total !== undefined && table
          ? { total: { amount: formatMoney(total, table.currency) } }
          : {}),
      };
    },
  };
}
