import {
  buildStateValues,
  buildViewSubmissionBody,
  FORM_CONTENT_TYPE,
} from '../src/sim/slack/payloads.js';
import { postSigned } from '../src/sim/slack/sign-request.js';
import type { SlackStandIn } from '../src/sim/slack/slack-standin.js';

export const BENCH_CHANNEL = 'C0BENCH';

/** One deployment the benchmark asks for: a unique service name in one region. */
export interface BenchDeployment {
  readonly name: string;
  readonly region: string;
}

/** Presses Deploy on the modal for this deployment (vLLM 0.14 GPU, shared gateway); resolves with the HTTP status and ack body. */
export async function submitDeployment(
  eventsUrl: string,
  secret: string,
  deployment: BenchDeployment,
): Promise<{ status: number; text: string }> {
  const { name, region } = deployment;
  const body = buildViewSubmissionBody({
    id: `V0${name.toUpperCase().replace(/_/g, '')}`,
    userId: 'U0BENCH',
    private_metadata: JSON.stringify({ channelId: BENCH_CHANNEL }),
    values: buildStateValues(
      { service_name: name, replicas: '1', port: '8000' },
      {
        region,
        image: `eas-registry-vpc.${region}.cr.aliyuncs.com/pai-eas/vllm:0.14.0-gpu`,
        instance_type: 'ecs.gn7i-c16g1.4xlarge',
        network: 'shared',
      },
    ),
  });
  const answer = await postSigned(eventsUrl, body, FORM_CONTENT_TYPE, secret);
  return { status: answer.status, text: answer.text };
}

/** The stand-in time (epoch ms) of the thread summary naming each service's endpoint, as far as seen. */
export function findSummaries(slack: SlackStandIn, names: readonly string[]): Map<string, number> {
  const wanted = new Set(names);
  const found = new Map<string, number>();
  for (const call of slack.calls) {
    if (call.method !== 'chat.postMessage' || !call.args.thread_ts) continue;
    const text = JSON.stringify(call.args);
    for (const match of text.matchAll(/\/api\/predict\/([a-z0-9_]+)/g)) {
      const name = match[1] ?? '';
      if (wanted.has(name) && !found.has(name)) found.set(name, call.time);
    }
  }
  return found;
}

/** Polls the stand-in until every name has its summary or the timeout passes. */
export async function waitForSummaries(
  slack: SlackStandIn,
  names: readonly string[],
  timeoutMs: number,
): Promise<Map<string, number>> {
  const deadline = Date.now() + timeoutMs;
  let found = findSummaries(slack, names);
  while (found.size < names.length && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    found = findSummaries(slack, names);
  }
  return found;
}
