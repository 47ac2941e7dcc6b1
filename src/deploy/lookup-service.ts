import { callCli } from '../aliyun/call-cli.js';
import type { CallerTag, CliRunner } from '../aliyun/cli-runner.js';
import {
  buildUserAgent,
  describeServiceArgs,
  describeServiceEndpointsArgs,
} from '../aliyun/commands.js';
import { describeCliError } from '../aliyun/explain-cli-error.js';
import { DescribeServiceEndpointsResponse, Service } from '../aliyun/schemas.js';
import type { EndpointSummary } from './outcome.js';

/** One service's status for `/eas-deploy status`: status, instances, endpoints; never the token. */
export type ServiceStatus =
  | {
      ok: true;
      serviceName: string;
      serviceId?: string;
      status: string;
      reason?: string;
      /** The cloud's own words about the status (e.g. "Service start successfully"). */
      message?: string;
      runningInstances?: number;
      totalInstances?: number;
      endpoints: EndpointSummary[];
    }
  | { ok: false; notFound: boolean; message: string };

/** Reads one service's status, instances and endpoints with a single describe-service (no token in the answer). */
export async function lookupServiceStatus(
  cli: CliRunner,
  region: string,
  name: string,
  deploymentId: string,
  caller: CallerTag = { purpose: 'status' },
): Promise<ServiceStatus> {
  const target = { region, userAgent: buildUserAgent(deploymentId) };
  const answer = await callCli({ cli, caller }, describeServiceArgs(target, name), Service);
  if (!answer.ok) {
    const notFound = answer.error.kind === 'not-found';
    const message = notFound
      ? `There is no service named ${name} in ${region}.`
      : describeCliError(answer.error);
    return { ok: false, notFound, message };
  }
  const s = answer.data;
  return {
    ok: true,
    serviceName: s.ServiceName,
    ...(s.ServiceId ? { serviceId: s.ServiceId } : {}),
    status: s.Status,
    ...(s.Reason ? { reason: s.Reason } : {}),
    ...(s.Message ? { message: s.Message } : {}),
    ...(typeof s.RunningInstance === 'number' ? { runningInstances: s.RunningInstance } : {}),
    ...(typeof s.TotalInstance === 'number' ? { totalInstances: s.TotalInstance } : {}),
    endpoints: [
      {
        type: 'Service',
        internet: s.InternetEndpoint ?? null,
        intranet: s.IntranetEndpoint ?? null,
        port: null,
      },
    ],
  };
}

/** Reads the service's AccessToken again (for the requester only: never post it in a channel). */
export async function fetchAccessToken(
  cli: CliRunner,
  region: string,
  name: string,
  deploymentId: string,
  caller: CallerTag = { deploymentId, purpose: 'token' },
): Promise<{ ok: true; accessToken: string } | { ok: false; message: string }> {
  const target = { region, userAgent: buildUserAgent(deploymentId) };
  const answer = await callCli(
    { cli, caller },
    describeServiceEndpointsArgs(target, name),
    DescribeServiceEndpointsResponse,
  );
  if (!answer.ok) return { ok: false, message: describeCliError(answer.error) };
  if (!answer.data.AccessToken)
    return { ok: false, message: `The service ${name} has no AccessToken.` };
  return { ok: true, accessToken: answer.data.AccessToken };
}
