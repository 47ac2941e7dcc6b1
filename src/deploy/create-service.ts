import { type CallDeps, callCli } from '../aliyun/call-cli.js';
import type { CliError } from '../aliyun/cli-error.js';
import {
  type CallTarget,
  createServiceArgs,
  describeServiceArgs,
  REQUEST_ID_LABEL,
} from '../aliyun/commands.js';
import { describeCliError } from '../aliyun/explain-cli-error.js';
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

/** After a create that did not answer, how long to look for the service before deciding it is not there. */
const RECONCILE_WAITS_MS = [1_000, 2_000, 4_000];

const isNlbBug = (plan: ServicePlan, e: CliError): boolean =>
  plan.network.mode === 'nlb' && NLB_BUG.test(e.message);

const takenBy = (name: string, region: string): CreateOutcome => ({
  status: 'blocked',
  reason: `A service named ${name} already exists in ${region} and was not created by this deployment. eas-deploy never reuses or replaces a service: pick another name.`,
});

/**
 * Reads the service back: ours (our request-id label), someone else's, or absent. After a network
 * error the create may still land, and EAS shows a new service late: look a few times.
 */
async function reconcile(
  deps: CallDeps,
  t: CallTarget,
  name: string,
  deploymentId: string,
  waits: readonly number[],
) {
  const sleep = deps.sleep ?? ((ms: number) => new Promise((r) => setTimeout(r, ms)));
  for (let i = 0; ; i += 1) {
    const answer = await callCli(deps, describeServiceArgs(t, name), Service);
    if (answer.ok)
      return {
        found: true as const,
        ours: isOurService(answer.data, deploymentId),
        service: answer.data,
      };
    const wait = waits[i];
    if (answer.error.kind !== 'not-found' || wait === undefined) return { found: false as const };
    await sleep(wait);
  }
}

function attempt(
  deps: CallDeps,
  t: CallTarget,
  plan: ServicePlan,
  deploymentId: string,
  labels: Readonly<Record<string, string>>,
) {
  const body = JSON.stringify(buildServiceJson(plan));
  const all = { ...labels, [REQUEST_ID_LABEL]: deploymentId };
  const args = createServiceArgs(t, body, all, plan.workspaceId);
  return callCli(deps, args, CreateServiceResponse, { idempotent: false });
}

/**
 * Runs create-service, the one call that changes the cloud. A create whose answer was lost (a
 * network error) is reconciled through the request-id label (describe: ours means created)
 * instead of creating blindly again; nothing found gets one more try (EAS refuses a second service
 * of the same name, so that try can never make two). Any other error is the cloud's answer and is
 * reported as it is: no duplicate is guessed from a code. The NLB plugin bug gets one more try,
 * then the shared gateway.
 */
export async function createService(
  deps: CallDeps,
  t: CallTarget,
  firstPlan: ServicePlan,
  deploymentId: string,
  /** The lifecycle's labels (owner, expiry, channel) besides the request id. */
  labels: Readonly<Record<string, string>> = {},
): Promise<CreateOutcome> {
  let plan = firstPlan;
  let note: string | undefined;
  let nlbTries = 0;
  let networkRetried = false;
  for (;;) {
    const answer = await attempt(deps, t, plan, deploymentId, labels);
    const extra = note ? { note } : {};
    if (answer.ok) return { status: 'created', serviceId: answer.data.ServiceId, plan, ...extra };
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
    // Only an answer that never came (or came unreadable) leaves it open whether the service exists.
    if (error.kind !== 'network' && error.kind !== 'bad-output') return failed(error);
    const found = await reconcile(deps, t, plan.name, deploymentId, RECONCILE_WAITS_MS);
    if (found.found && found.ours) {
      return {
        status: 'created',
        serviceId: found.service.ServiceId ?? '',
        plan,
        service: found.service,
        ...extra,
      };
    }
    if (found.found) return takenBy(plan.name, t.region);
    if (error.kind === 'network' && !networkRetried) {
      networkRetried = true;
      continue;
    }
    return failed(error);
  }
}

function failed(error: CliError): CreateOutcome {
  const text = describeCliError(error);
  return { status: 'failed', reason: `create-service failed: ${text}`, error: text };
}
