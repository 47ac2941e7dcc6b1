import { type OpContext, paginate } from '../op-context.js';
import { buildEndpoints } from '../service-endpoints.js';
import { computePhase, isServiceVisible } from '../service-lifecycle.js';
import { showService } from '../service-view.js';
import { jsonResult, type SimResult, serverError } from '../sim-result.js';
import type { SimService } from '../sim-state.js';

/** The named service, or the 404 EAS answers (also while a new service is not yet visible). */
export function findService(ctx: OpContext): SimService | SimResult {
  const name = ctx.flags['service-name'];
  const service = ctx.state.services.find((s) => s.region === ctx.region && s.name === name);
  const hidden = service && !isServiceVisible(service, ctx.state.world, ctx.now);
  if (!service || hidden) {
    return serverError(404, 'InvalidService.NotFound', `service ${name} not found`);
  }
  return service;
}

export const isResult = (x: SimService | SimResult): x is SimResult => 'kind' in x;

/** eas describe-service: the flat Service object. */
export function describeService(ctx: OpContext): SimResult {
  const found = findService(ctx);
  return isResult(found) ? found : jsonResult(showService(found, ctx.state.world, ctx.now));
}

/** eas describe-service-endpoints: typed endpoints and the AccessToken. */
export function describeServiceEndpoints(ctx: OpContext): SimResult {
  const found = findService(ctx);
  if (isResult(found)) return found;
  return jsonResult({
    Message: 'Execution successful.',
    AccessToken: found.accessToken,
    Endpoints: buildEndpoints(found, ctx.state.world),
  });
}

/**
 * eas describe-service-event [--page-num N --page-size S --event-type Normal|Warning]: what happened
 * so far, including why a service failed. Fields as the SDK model names them (aliyun-cli-facts.md
 * fact 12): `Events[{Type, Reason, Message, Time}]`, `PageNum`, `TotalCount`, `TotalPageNum`.
 */
export function describeServiceEvent(ctx: OpContext): SimResult {
  const found = findService(ctx);
  if (isResult(found)) return found;
  const type = ctx.flags['event-type'];
  const events = computePhase(found, ctx.state.world, ctx.now).events.filter(
    (e) => !type || e.Type === type,
  );
  const { page, PageNumber, PageSize, TotalCount } = paginate(events, ctx.flags, 100, {
    number: 'page-num',
    size: 'page-size',
  });
  return jsonResult({
    PageNum: PageNumber,
    TotalCount,
    TotalPageNum: Math.max(1, Math.ceil(TotalCount / PageSize)),
    Events: page,
  });
}
