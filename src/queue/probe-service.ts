import { type CallDeps, callCli } from '../aliyun/call-cli.js';
import { type CallTarget, describeServiceEndpointsArgs } from '../aliyun/commands.js';
import { DescribeServiceEndpointsResponse, type Service } from '../aliyun/schemas.js';
import { buildChatCurl } from '../deploy/build-summary.js';
import { planProbe } from '../serving/plan-probe.js';
import { readProbeResult, type ServingVerdict } from '../serving/read-probe-result.js';
import { sendProbe } from './send-probe.js';
import type { WatchJobData } from './watch-job-data.js';

export interface ProbeOutcome {
  readonly verdict: ServingVerdict;
  /** The chat curl with the model id the server reported, when it reported one. */
  readonly curl?: string;
}

/**
 * Running: reads the endpoints and the token again (describe-service-endpoints; the token is never
 * kept in job data), calls the endpoint once, and turns the answer into the serving line.
 */
export async function probeService(
  deps: CallDeps,
  t: CallTarget,
  data: WatchJobData,
  service: Service,
  timeoutMs: number,
): Promise<ProbeOutcome> {
  const endpoints = await callCli(
    deps,
    describeServiceEndpointsArgs(t, data.serviceName),
    DescribeServiceEndpointsResponse,
  );
  const plan = planProbe({
    serviceName: data.serviceName,
    image: data.image,
    endpoints: endpoints.ok ? (endpoints.data.Endpoints ?? []) : [],
    fallback: {
      internet: service.InternetEndpoint ?? null,
      intranet: service.IntranetEndpoint ?? null,
    },
  });
  if (!plan) {
    return { verdict: { serving: false, line: 'Not serving — EAS lists no endpoint to call' } };
  }
  const token =
    (endpoints.ok ? endpoints.data.AccessToken : undefined) ?? service.AccessToken ?? undefined;
  const answer = await sendProbe(plan, token, timeoutMs);
  const verdict = readProbeResult(plan, answer, timeoutMs);
  // The summary's curl guessed the mount path as the model; a different id gets a corrected curl.
  const corrected = verdict.modelId && verdict.modelId !== data.mountPath;
  return corrected && verdict.modelId
    ? { verdict, curl: buildChatCurl(plan.endpoint, verdict.modelId) }
    : { verdict };
}
