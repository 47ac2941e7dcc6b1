import { detectFramework } from '../deploy/framework.js';

/** One endpoint as the cloud lists it (describe-service-endpoints' Endpoints[]). */
export interface ListedEndpoint {
  readonly EndpointType: string;
  readonly InternetEndpoints?: readonly string[] | null;
  readonly IntranetEndpoints?: readonly string[] | null;
}

/** The one request the serving check makes; the token is added by the caller, never kept here. */
export interface ProbePlan {
  /** The endpoint as the cloud gave it (the base of the curl example). */
  readonly endpoint: string;
  /** What is called: the endpoint plus `path`. */
  readonly url: string;
  /** `/v1/models` for OpenAI-compatible servers, empty for a plain GET of the endpoint. */
  readonly path: '/v1/models' | '';
  readonly openAi: boolean;
  readonly reach: 'internet' | 'intranet';
}

/** vLLM and SGLang speak the OpenAI API, so their model list names the model (spec: `/v1/models`). */
export function isOpenAiCompatible(image: string): boolean {
  const framework = detectFramework(image);
  return framework === 'vllm' || framework === 'sglang';
}

/** NLB endpoints may come as host:port; a URL with a scheme and the service path is what a client calls. */
function toUrl(raw: string, serviceName: string): string {
  const withScheme = /^https?:\/\//.test(raw) ? raw : `http://${raw}`;
  const hasPath = /^https?:\/\/[^/]+\/./.test(withScheme);
  return (
    hasPath ? withScheme : `${withScheme.replace(/\/$/, '')}/api/predict/${serviceName}`
  ).replace(/\/$/, '');
}

/**
 * The endpoint to call: an internet address when the cloud gave one (the bot may run outside the
 * service's VPC), else an intranet one. Undefined when the service has no address at all.
 */
export function planProbe(input: {
  serviceName: string;
  image: string;
  endpoints: readonly ListedEndpoint[];
  /** describe-service's flat endpoints, used when the list is empty. */
  fallback?: { internet?: string | null; intranet?: string | null };
}): ProbePlan | undefined {
  const openAi = isOpenAiCompatible(input.image);
  const path = openAi ? ('/v1/models' as const) : ('' as const);
  const internet = input.endpoints.flatMap((e) => e.InternetEndpoints ?? []);
  const intranet = input.endpoints.flatMap((e) => e.IntranetEndpoints ?? []);
  if (input.fallback?.internet) internet.push(input.fallback.internet);
  if (input.fallback?.intranet) intranet.push(input.fallback.intranet);
  const pick = internet.find(Boolean) ?? intranet.find(Boolean);
  if (!pick) return undefined;
  const reach = internet.includes(pick) ? 'internet' : 'intranet';
  const endpoint = toUrl(pick, input.serviceName);
  return { endpoint, url: `${endpoint}${path}`, path, openAi, reach };
}
