import { type CallDeps, callCli } from '../aliyun/call-cli.js';
import {
  type CallTarget,
  describeServiceArgs,
  describeServiceEndpointsArgs,
} from '../aliyun/commands.js';
import { DescribeServiceEndpointsResponse, Service } from '../aliyun/schemas.js';
import { buildSummary } from './build-summary.js';
import type { DeploySpec } from './deploy-spec.js';
import type { Framework } from './framework.js';
import type { NetworkPlan } from './network/network-mode.js';
import type { DeploymentResult } from './outcome.js';
import type { StepTracker } from './step-tracker.js';

/** What is known once the service exists. */
export interface Created {
  readonly name: string;
  readonly serviceId: string;
  readonly workspaceId?: string;
  readonly framework?: Framework;
  /** A describe-service answer already read (by reconciling); then it is not read again. */
  readonly service?: Service;
  readonly notes: readonly string[];
  /** Where the service was placed; a resumed deployment does not know it. */
  readonly network?: NetworkPlan;
}

/** describe-service exactly once and describe-service-endpoints at once (neither needs the other's answer), then the summary; any status is success. */
export async function finishDeployment(
  deps: CallDeps,
  t: CallTarget,
  spec: DeploySpec,
  created: Created,
  tracker: StepTracker,
): Promise<{ result: DeploymentResult; accessToken?: string }> {
  const [service, endpoints] = await Promise.all([
    readStatus(deps, t, created, tracker),
    readEndpoints(deps, t, created.name, tracker),
  ]);
  const list = endpoints.ok ? (endpoints.data.Endpoints ?? []) : [];
  const summary = buildSummary({
    serviceName: created.name,
    serviceId: service?.ServiceId ?? created.serviceId,
    region: t.region,
    ...(created.workspaceId ? { workspaceId: created.workspaceId } : {}),
    status: service?.Status ?? 'Creating',
    port: spec.port,
    ...(created.framework ? { framework: created.framework } : {}),
    mountPath: spec.mountPath,
    endpoints: list,
    fallback: {
      internet: service?.InternetEndpoint ?? null,
      intranet: service?.IntranetEndpoint ?? null,
    },
    ...(created.network ? { network: created.network } : {}),
    notes:
      service || endpoints.ok
        ? created.notes
        : [
            ...created.notes,
            // EAS is eventually consistent: right after create it may answer 404 for a while.
            'EAS does not show the new service yet; its endpoints and token appear within a minute or two. Press *Refresh status*, then *Send me the token again*.',
          ],
  });
  const accessToken =
    (endpoints.ok ? endpoints.data.AccessToken : undefined) ?? service?.AccessToken;
  return { result: { result: 'deployed', summary }, ...(accessToken ? { accessToken } : {}) };
}

/** The service's status: the answer reconciling already read, or one describe-service. */
async function readStatus(
  deps: CallDeps,
  t: CallTarget,
  created: Created,
  tracker: StepTracker,
): Promise<Service | undefined> {
  let service = created.service;
  const [, answer] = await Promise.all([
    tracker.start('status'),
    service ? undefined : callCli(deps, describeServiceArgs(t, created.name), Service),
  ]);
  if (answer) {
    if (answer.ok) service = answer.data;
    else
      await tracker.finish('status', {
        status: 'skipped',
        detail: `Could not read the status: ${answer.error.message}`,
      });
  }
  if (service) await tracker.finish('status', { status: 'passed', detail: service.Status });
  return service;
}

async function readEndpoints(deps: CallDeps, t: CallTarget, name: string, tracker: StepTracker) {
  const [, endpoints] = await Promise.all([
    tracker.start('endpoints'),
    callCli(deps, describeServiceEndpointsArgs(t, name), DescribeServiceEndpointsResponse),
  ]);
  await tracker.finish(
    'endpoints',
    endpoints.ok
      ? { status: 'passed', detail: `${(endpoints.data.Endpoints ?? []).length} endpoint(s)` }
      : { status: 'skipped', detail: `Could not read the endpoints: ${endpoints.error.message}` },
  );
  return endpoints;
}
