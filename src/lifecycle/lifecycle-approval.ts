import { type LifecycleService, readInstanceType } from '../aliyun/lifecycle-schemas.js';
import type { ActionTarget } from './decide-action.js';
import type { LifecycleApproval, LifecycleContext } from './lifecycle-context.js';
import type { LifecycleOutcome } from './lifecycle-journal.js';
import type { LifecycleAction, LifecycleRequest } from './lifecycle-request.js';

export const DELETE_NEEDS_APPROVAL = 'Deleting a service cannot be undone.';

/**
 * The approval question of a change, or undefined when it never needs one: delete whenever approvers
 * exist; scale and restart by the deployment rules for that many GPUs (approval-rules.ts). The
 * JSON names the service's id, so an approval is bound to that exact service and change.
 */
export function buildLifecycleApproval(input: {
  action: LifecycleAction;
  region: string;
  name: string;
  service: LifecycleService;
  target: ActionTarget;
  deleteNeedsApproval: boolean;
}): LifecycleApproval | undefined {
  const { action, name, service } = input;
  if (action !== 'delete' && action !== 'scale' && action !== 'restart') return undefined;
  if (action === 'delete' && !input.deleteNeedsApproval) return undefined;
  const instanceType = readInstanceType(service) ?? 'unknown';
  const replicas = action === 'scale' ? (input.target.replicas ?? 0) : (service.TotalInstance ?? 1);
  const change =
    action === 'delete'
      ? 'delete'
      : action === 'scale'
        ? `scale to ${instanceType} × ${replicas}`
        : `restart (${instanceType} × ${replicas})`;
  return {
    serviceJson: JSON.stringify({
      action,
      region: input.region,
      service: name,
      serviceId: service.ServiceId ?? '',
      ...input.target,
    }),
    gpuCount: service.Gpu ?? 0,
    replicas,
    instanceType,
    summary: `\`${name}\` in ${input.region}: ${change}`,
    ...(action === 'delete' ? { need: { needed: true, why: DELETE_NEEDS_APPROVAL } } : {}),
    wording: { what: `this ${action} of \`${name}\``, unchanged: 'nothing was changed' },
  };
}

/** Asks an approver when the rules say so; an outcome means "not done" (rejected, expired, nobody). */
export async function askLifecycleApproval(
  ctx: Pick<LifecycleContext, 'approve' | 'deleteNeedsApproval'>,
  input: {
    request: LifecycleRequest;
    region: string;
    service: LifecycleService;
    target: ActionTarget;
  },
): Promise<LifecycleOutcome | undefined> {
  if (!ctx.approve) return undefined;
  const question = buildLifecycleApproval({
    action: input.request.action,
    region: input.region,
    name: input.request.service,
    service: input.service,
    target: input.target,
    deleteNeedsApproval: ctx.deleteNeedsApproval,
  });
  if (!question) return undefined;
  const answer = await ctx.approve(question);
  return answer.proceed ? undefined : { result: 'blocked', reason: answer.reason };
}
