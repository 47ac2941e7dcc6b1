import { type OpContext, regionOf } from '../op-context.js';
import { computePhase } from '../service-lifecycle.js';
import { serviceLogLines } from '../service-logs.js';
import { jsonResult, type SimResult } from '../sim-result.js';
import { findService, isResult } from './eas-service-ops.js';

/**
 * eas describe-service-log --page-num N --page-size S: one page of the container log, oldest
 * first (DescribeServiceLog: PageNum default 1, PageSize default 500; answer `{Logs[], PageNum,
 * TotalCount, TotalPageNum}`, aliyun-cli-facts.md Lifecycle table).
 */
export function describeServiceLog(ctx: OpContext): SimResult {
  const found = findService(ctx);
  if (isResult(found)) return found;
  const phase = computePhase(found, ctx.state.world, ctx.now);
  const spec = regionOf(ctx).instanceSpecs.find((s) => s.InstanceType === found.instanceType);
  const lines = serviceLogLines(found, phase, spec?.GPUMemory ?? 0);
  const size = Math.max(1, Number(ctx.flags['page-size'] ?? 500) || 500);
  const page = Math.max(1, Number(ctx.flags['page-num'] ?? 1) || 1);
  return jsonResult({
    Logs: lines.slice((page - 1) * size, page * size),
    PageNum: page,
    TotalCount: lines.length,
    TotalPageNum: Math.max(1, Math.ceil(lines.length / size)),
  });
}
