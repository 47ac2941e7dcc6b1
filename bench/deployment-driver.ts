import {
  buildStateValues,
  buildViewSubmissionBody,
  FORM_CONTENT_TYPE,
} from '../sim/slack/payloads.js';
import { postSigned } from '../sim/slack/sign-request.js';
import type { SlackStandIn } from '../sim/slack/slack-standin.js';

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
        // cn-shanghai has two enabled workspaces: the modal asks which one.
        ...(region === 'cn-shanghai' ? { workspace: '91001' } : {}),
      },
    ),
  });
  const answer = await postSigned(eventsUrl, body, FORM_CONTENT_TYPE, secret);
  return { status: answer.status, text: answer.text };
}

/** The result message of one deployment: the first reply in the thread of its parent message. */
export interface DeploymentResultMessage {
  readonly time: number;
  readonly text: string;
  /** "`name` is <Status> in <region>": deployed (any status); anything else stopped or failed. */
  readonly deployed: boolean;
}

/** The result message of each named deployment seen so far, keyed by service name. */
export function findSummaries(
  slack: SlackStandIn,
  names: readonly string[],
): Map<string, DeploymentResultMessage> {
  const wanted = new Set(names);
  const parents = new Map<string, string>();
  const found = new Map<string, DeploymentResultMessage>();
  for (const call of slack.calls) {
    if (call.method !== 'chat.postMessage' || call.args.channel !== BENCH_CHANNEL) continue;
    const text = String(call.args.text ?? '');
    const threadTs = call.args.thread_ts ? String(call.args.thread_ts) : undefined;
    if (!threadTs) {
      const name = /`([a-z0-9_]+)`/.exec(text)?.[1];
      const ts = (call.response as { ts?: string } | undefined)?.ts;
      if (name && ts && wanted.has(name)) parents.set(ts, name);
      continue;
    }
    const name = parents.get(threadTs);
    if (!name || found.has(name)) continue;
    found.set(name, { time: call.time, text, deployed: text.startsWith(`\`${name}\` is `) });
  }
  return found;
}

/** Polls the stand-in until every name has its summary or the timeout passes. */
export async function waitForSummaries(
  slack: SlackStandIn,
  names: readonly string[],
  timeoutMs: number,
): Promise<Map<string, DeploymentResultMessage>> {
  const deadline = Date.now() + timeoutMs;
  let found = findSummaries(slack, names);
  while (found.size < names.length && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    found = findSummaries(slack, names);
  }
  return found;
}
