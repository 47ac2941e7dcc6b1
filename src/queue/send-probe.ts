import type { ProbePlan } from '../serving/plan-probe.js';
import type { ProbeAnswer } from '../serving/read-probe-result.js';

/** A model list is small; a server that answers more is cut here (the check reads the first model only). */
const MAX_BODY = 64 * 1024;

/** Why fetch failed, in one short line: the cause's code or message (undici wraps it as `fetch failed`). */
function describeFetchError(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } } | undefined)?.cause;
  return cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
}

/**
 * The serving check's one request: GET with the service token (EAS takes the raw token in
 * `Authorization`, as the PAI SDK's predictor sends it) and a short timeout. The token is used
 * here and nowhere else; it is not logged and not returned.
 */
export async function sendProbe(
  plan: ProbePlan,
  token: string | undefined,
  timeoutMs: number,
): Promise<ProbeAnswer> {
  const started = performance.now();
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    const response = await fetch(plan.url, {
      method: 'GET',
      headers: token ? { Authorization: token } : {},
      signal,
      redirect: 'manual',
    });
    const body = (await response.text()).slice(0, MAX_BODY);
    return {
      kind: 'answered',
      status: response.status,
      statusText: response.statusText,
      body,
      latencyMs: Math.round(performance.now() - started),
    };
  } catch (error) {
    return { kind: 'no-answer', timedOut: signal.aborted, error: describeFetchError(error) };
  }
}
