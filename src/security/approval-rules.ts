import type { Config } from '../config.js';

/** When a deployment is costly enough to need someone else's approval. */
export interface ApprovalRules {
  /** GPUs × replicas above which approval is needed; undefined = never by count. */
  readonly gpuThreshold?: number;
  /** Instance-type prefixes (e.g. `ecs.gn8`) that always need approval. */
  readonly instanceFamilies: readonly string[];
  /** EAS_TTL_NEVER_NEEDS_APPROVAL: a service that never expires needs approval. */
  readonly neverNeedsApproval?: boolean;
}

export interface ApprovalInput {
  /** GPUs of one instance of the chosen type (from describe-machine-spec). */
  readonly gpuCount: number;
  readonly replicas: number;
  readonly instanceType: string;
  /** The service's lifetime is `never`. */
  readonly neverExpires?: boolean;
}

export type ApprovalNeed = { needed: boolean; why: string };

/** Builds the rules from the validated configuration. */
export function buildApprovalRules(config: Config): ApprovalRules {
  return {
    ...(config.EAS_APPROVAL_GPU_THRESHOLD !== undefined
      ? { gpuThreshold: config.EAS_APPROVAL_GPU_THRESHOLD }
      : {}),
    instanceFamilies: config.EAS_APPROVAL_INSTANCE_FAMILIES,
    neverNeedsApproval: config.EAS_TTL_NEVER_NEEDS_APPROVAL,
  };
}

/** Decides whether a deployment needs approval; `why` is the sentence the approver and requester read. */
export function needsApproval(rules: ApprovalRules, input: ApprovalInput): ApprovalNeed {
  const reasons: string[] = [];
  const totalGpus = input.gpuCount * input.replicas;
  if (rules.gpuThreshold !== undefined && totalGpus > rules.gpuThreshold) {
    reasons.push(
      `${totalGpus} GPUs in total (${input.gpuCount} × ${input.replicas} replicas) is above the limit of ${rules.gpuThreshold}`,
    );
  }
  const family = rules.instanceFamilies.find((prefix) => input.instanceType.startsWith(prefix));
  if (family !== undefined) {
    reasons.push(`instance type ${input.instanceType} is in the ${family} family`);
  }
  if (rules.neverNeedsApproval && input.neverExpires) {
    reasons.push('it would never expire (ttl never)');
  }
  if (reasons.length === 0) {
    return { needed: false, why: 'Within the limits that need no approval.' };
  }
  return { needed: true, why: `Needs approval: ${reasons.join('; ')}.` };
}
