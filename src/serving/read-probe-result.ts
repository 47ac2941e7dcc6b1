import { z } from 'zod';
import type { ProbePlan } from './plan-probe.js';

/** What came back from the one request, as the watch saw it (the body is cut short by the caller). */
export type ProbeAnswer =
  | {
      readonly kind: 'answered';
      readonly status: number;
      readonly statusText: string;
      readonly body: string;
      readonly latencyMs: number;
    }
  | { readonly kind: 'no-answer'; readonly error: string; readonly timedOut: boolean };

/**
 * vLLM's `GET /v1/models` answer (vllm-project/vllm, vllm/entrypoints/openai/protocol.py: ModelList
 * `{object: "list", data: [ModelCard{id, object: "model", created, owned_by, root, max_model_len}]}`);
 * SGLang answers the same OpenAI shape. Only `data[].id` is read.
 */
const ModelList = z.object({ data: z.array(z.object({ id: z.string() }).loose()) }).loose();

/** The answer of the serving check, as the thread reads it. */
export interface ServingVerdict {
  readonly serving: boolean;
  /** `Serving — <model> answered in N ms` or `Not serving — <status or error>`. */
  readonly line: string;
  /** The model id the server reported (OpenAI-compatible servers). */
  readonly modelId?: string;
  readonly latencyMs?: number;
  readonly status?: number;
}

function readModelId(body: string): string | undefined {
  try {
    const parsed = ModelList.safeParse(JSON.parse(body));
    return parsed.success ? parsed.data.data[0]?.id : undefined;
  } catch {
    return undefined;
  }
}

/** Turns the probe's answer into one line: 2xx is serving (with the model id when listed), anything else is not. */
export function readProbeResult(
  plan: ProbePlan,
  answer: ProbeAnswer,
  timeoutMs: number,
): ServingVerdict {
  if (answer.kind === 'no-answer') {
    const why = answer.timedOut
      ? `no answer within ${Math.round(timeoutMs / 1000)} s`
      : `the ${plan.reach} endpoint could not be reached (${answer.error})`;
    return { serving: false, line: `Not serving — ${why}` };
  }
  const { status, latencyMs } = answer;
  if (status < 200 || status >= 300) {
    const text = answer.statusText ? ` ${answer.statusText}` : '';
    return { serving: false, status, line: `Not serving — ${status}${text}`, latencyMs };
  }
  const modelId = plan.openAi ? readModelId(answer.body) : undefined;
  if (modelId) {
    return {
      serving: true,
      status,
      modelId,
      latencyMs,
      line: `Serving — ${modelId} answered in ${latencyMs} ms`,
    };
  }
  const line = plan.openAi
    ? `Serving — /v1/models answered ${status} in ${latencyMs} ms, without a model list`
    : `Serving — the endpoint answered ${status} in ${latencyMs} ms`;
  return { serving: true, status, latencyMs, line };
}
