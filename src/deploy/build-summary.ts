import type { Endpoint } from '../aliyun/schemas.js';
import type { Framework } from './framework.js';
import type { NetworkPlan } from './network/network-mode.js';
import { formatEndpointAddress } from './network/registry.js';
import type { DeploymentSummary, EndpointSummary } from './outcome.js';

/** What the summary is built from; the AccessToken is deliberately not part of it. */
export interface SummaryInput {
  readonly serviceName: string;
  readonly serviceId?: string;
  readonly region: string;
  readonly workspaceId?: string;
  readonly status: string;
  readonly port: number;
  readonly framework?: Framework;
  readonly mountPath: string;
  readonly endpoints: readonly Endpoint[];
  /** describe-service's endpoints, used when describe-service-endpoints gave none. */
  readonly fallback?: { internet?: string | null; intranet?: string | null };
  /** The network the service was placed in: its own addresses come last (a gateway's domains). */
  readonly network?: NetworkPlan;
  readonly notes: readonly string[];
}

const AUTH = '-H "Authorization: <AccessToken>"';

/** The OpenAI chat curl of a vLLM/SGLang endpoint, for `model` (the summary guesses it; the serving check knows it). */
export function buildChatCurl(url: string, model: string): string {
  const body = JSON.stringify({ model, messages: [{ role: 'user', content: 'Hello' }] });
  return `curl -X POST ${url}/v1/chat/completions ${AUTH} -H "Content-Type: application/json" -d '${body}'`;
}

/** A curl line that fits the model: OpenAI chat for vLLM/SGLang, /prompt for ComfyUI, the endpoint otherwise. */
function buildCurl(url: string, input: SummaryInput): string {
  if (input.framework === 'vllm' || input.framework === 'sglang') {
    return buildChatCurl(url, input.mountPath);
  }
  if (input.framework === 'comfyui') {
    return `curl -X POST ${url}/prompt ${AUTH} -H "Content-Type: application/json" -d '{"prompt": {}}'`;
  }
  return `curl ${url} ${AUTH}`;
}

function summarizeEndpoints(input: SummaryInput): EndpointSummary[] {
  const listed = input.endpoints.map((e) => ({
    type: e.EndpointType,
    internet: e.InternetEndpoints?.[0] ?? null,
    intranet: e.IntranetEndpoints?.[0] ?? null,
    port: e.Port ? e.Port : e.EndpointType === 'Nlb' ? input.port : null,
  }));
  if (listed.length > 0) return listed;
  const own = input.fallback;
  const hosts = input.network?.fallbackEndpoint;
  const type = hosts?.type ?? 'DefaultGateway';
  if (own?.internet || own?.intranet || !hosts) {
    return own
      ? [{ type, internet: own.internet ?? null, intranet: own.intranet ?? null, port: null }]
      : [];
  }
  const url = (host: string | null) =>
    host ? `http://${host}/api/predict/${input.serviceName}` : null;
  return [
    { type, internet: url(hosts.internetHost), intranet: url(hosts.intranetHost), port: null },
  ];
}

/** The spec's Deployment Summary: endpoints (null kept), curl examples with `<AccessToken>`, console link, notes. */
export function buildSummary(input: SummaryInput): DeploymentSummary {
  const endpoints = summarizeEndpoints(input);
  const curlExamples = endpoints.flatMap((e) =>
    [e.internet, e.intranet]
      .filter((a): a is string => typeof a === 'string' && a.length > 0)
      .map((a) => buildCurl(formatEndpointAddress(a, e, input.serviceName), input)),
  );
  const ws = input.workspaceId ? `&workspaceId=${input.workspaceId}` : '';
  return {
    serviceName: input.serviceName,
    ...(input.serviceId ? { serviceId: input.serviceId } : {}),
    region: input.region,
    status: input.status,
    endpoints,
    port: input.port,
    curlExamples,
    consoleUrl: `https://pai.console.aliyun.com/?regionId=${input.region}${ws}#/eas/serviceDetail/${input.serviceName}/detail`,
    notes: [...input.notes],
  };
}
