import { type CallDeps, callCli } from '../aliyun/call-cli.js';
import { type CliError, describeCliError } from '../aliyun/cli-error.js';
import {
  type CallTarget,
  createServiceArgs,
  describeServiceArgs,
  REQUEST_ID_LABEL,
} from '../aliyun/commands.js';
import { CreateServiceResponse, Service } from '../aliyun/schemas.js';
import { buildServiceJson, type ServicePlan, withSharedGateway } from './build-service-json.js';
import { isOurService } from './check-service-name.js';

/** What create-service came to: created (maybe after reconciling), blocked, or failed. */
export type CreateOutcome =
  | { status: 'created'; serviceId: string; plan: ServicePlan; service?: Service; note?: string }
  | { status: 'blocked'; reason: string }
  | { status: 'failed'; reason: string; error: string };

export const NLB_FALLBACK_NOTE =
  'NLB config failed due to CLI plugin limitation. Deployed with shared gateway instead.';

const NLB_NAS_REASON =
  'NLB config failed twice due to CLI plugin limitation, and the model on NAS needs the VPC, so the shared-gateway fallback cannot be used. Try the dedicated gateway network, or an OSS path.';

const NLB_BUG = /vswitch can not be null|vpcId, vswId and securityGroupId are required/i;

const isNlbBug = (plan: ServicePlan, e: CliError): boolean =>
  plan.network.mode === 'nlb' && e.statusCode === 400 && NLB_BUG.test(e.message);

const duplicate = (name: string, region: string): CreateOutcome => ({
  status: 'blocked',
  reason: `A service named ${name} already exists in ${region} (create-service answered 409). eas-deploy never reuses or replaces a service: pick another name.`,
});

/** Reads the service back to learn whether an uncertain create made it: ours, someone else's, or absent. */
async function reconcile(deps: CallDeps, t: CallTarget, name: string, deploymentId: string) {
  const answer = await callCli(deps, describeServiceArgs(t, name), Service);
  if (answer.ok)
    return {
      found: true as const,
      ours: isOurService(answer.data, deploymentId),
      service: answer.data,
    };
  const absent = answer.error.statusCode === 404 || answer.error.code === 'InvalidService.NotFound';
  return { found: false as const, absent, error: answer.error };
}

async function attempt(
  deps: CallDeps,
  t: CallTarget,
  plan: ServicePlan,
  deploymentId: string,
  slow: boolean,
  labels: Readonly<Record<string, string>>,
) {
  const body = JSON.stringify(buildServiceJson(plan));
  const all = { ...labels, [REQUEST_ID_LABEL]: deploymentId };
  const args = createServiceArgs(t, body, all, plan.workspaceId);
  // After a timeout (reconciled: nothing was created) the one retry waits longer.
  const withTimeout = slow ? [...args, '--read-timeout', '60'] : args;
  return callCli(deps, withTimeout, CreateServiceResponse, { retryOnTimeout: false });
}

/**
 * Runs create-service: 409 and timeouts reconcile (describe; our label means it is ours) instead of
 * creating again; the NLB plugin bug gets one more try, then the shared gateway, said plainly.
 */
export async function createService(
  deps: CallDeps,
  t: CallTarget,
  firstPlan: ServicePlan,
  deploymentId: string,
  labels: Readonly<Record<string, string>> = {},
): Promise<CreateOutcome> {
  let plan = firstPlan;
  let note: string | undefined;
  let nlbTries = 0;
  let timeoutRetried = false;
  for (;;) {
    const answer = await attempt(deps, t, plan, deploymentId, timeoutRetried, labels);
    if (answer.ok) {
      return {
        status: 'created',
        serviceId: answer.data.ServiceId,
        plan,
        ...(note ? { note } : {}),
      };
    }
    const error = answer.error;
    if (isNlbBug(plan, error)) {
      nlbTries += 1;
      if (nlbTries >= 2) {
        // The shared gateway has no VPC, and a NAS model is only reachable over one: no fallback.
        if (plan.nas)
          return { status: 'failed', reason: NLB_NAS_REASON, error: describeCliError(error) };
        plan = withSharedGateway(plan);
        note = NLB_FALLBACK_NOTE;
      }
      continue;
    }
    const exists = error.statusCode === 409 || error.code === 'ServiceAlreadyExists';
    if (error.kind === 'timeout' || exists) {
      const found = await reconcile(deps, t, plan.name, deploymentId);
      if (found.found && found.ours) {
        const serviceId = found.service.ServiceId ?? '';
        return {
          status: 'created',
          serviceId,
          plan,
          service: found.service,
          ...(note ? { note } : {}),
        };
      }
      if (found.found || exists) return duplicate(plan.name, t.region);
      if (error.kind === 'timeout' && found.absent && !timeoutRetried) {
        timeoutRetried = true;
        continue;
      }
    }
    const text = describeCliError(error);
    return { status: 'failed', reason: `create-service failed: ${text}`, error: text };
  }
}
