import { LOCAL_SIGNING_SECRET } from '../demo/local-stack.js';
import {
  buildStateValues,
  buildViewSubmissionBody,
  FORM_CONTENT_TYPE,
} from '../sim/slack/payloads.js';
import { postSigned } from '../sim/slack/sign-request.js';
import type { SlackStandIn } from '../sim/slack/slack-standin.js';

/** One deployment the benchmark asks for: a unique service name, its region, channel and network. */
export interface BenchDeployment {
  readonly name: string;
  readonly region: string;
  readonly channel: string;
  readonly network?: 'shared' | 'gateway';
  readonly userId?: string;
}

/** Presses Deploy on the modal (vLLM 0.14 GPU); resolves with the HTTP status and ack body. */
export async function submitDeployment(
  eventsUrl: string,
  d: BenchDeployment,
): Promise<{ status: number; text: string }> {
  const body = buildViewSubmissionBody({
    id: `V0${d.name.toUpperCase().replace(/_/g, '')}`,
    userId: d.userId ?? 'U0BENCH',
    private_metadata: JSON.stringify({ channelId: d.channel }),
    values: buildStateValues(
      { service_name: d.name, replicas: '1', port: '8000' },
      {
        region: d.region,
        image: `eas-registry-vpc.${d.region}.cr.aliyuncs.com/pai-eas/vllm:0.14.0-gpu`,
        instance_type: 'ecs.gn7i-c16g1.4xlarge',
        network: d.network ?? 'shared',
        // cn-shanghai has two enabled workspaces: the modal asks which one.
        ...(d.region === 'cn-shanghai' ? { workspace: '91001' } : {}),
      },
    ),
  });
  const answer = await postSigned(eventsUrl, body, FORM_CONTENT_TYPE, LOCAL_SIGNING_SECRET);
  return { status: answer.status, text: answer.text };
}

/** A deployment as Slack shows it: its parent message, its summary in the thread, the parent's last edit. */
export interface SeenDeployment {
  readonly parentTs: string;
  /** Stand-in time of the parent message. */
  readonly parentAt: number;
  /** Stand-in time of the summary ("`name` is <Status> in <region>"), if posted. */
  readonly summaryAt?: number;
  /** The text of the parent's last accepted chat.update. */
  readonly lastEdit?: string;
}

/** What the stand-in recorded of each named deployment, keyed by service name. */
export function findDeployments(
  slack: SlackStandIn,
  wanted: readonly BenchDeployment[],
): Map<string, SeenDeployment> {
  const channelOf = new Map(wanted.map((d) => [d.name, d.channel]));
  const nameOfParent = new Map<string, string>();
  const seen = new Map<string, SeenDeployment>();
  for (const call of slack.calls) {
    if (call.response?.ok !== true) continue;
    const text = String(call.args.text ?? '');
    const threadTs = call.args.thread_ts ? String(call.args.thread_ts) : undefined;
    if (call.method === 'chat.postMessage' && !threadTs) {
      const name = /`([a-z0-9_]+)`/.exec(text)?.[1];
      const ts = (call.response as { ts?: string }).ts;
      if (name && ts && channelOf.get(name) === call.args.channel && !seen.has(name)) {
        nameOfParent.set(ts, name);
        seen.set(name, { parentTs: ts, parentAt: call.time });
      }
      continue;
    }
    const key = call.method === 'chat.update' ? String(call.args.ts ?? '') : (threadTs ?? '');
    const name = nameOfParent.get(key);
    const known = name ? seen.get(name) : undefined;
    if (!name || !known) continue;
    if (call.method === 'chat.update') seen.set(name, { ...known, lastEdit: text });
    else if (call.method === 'chat.postMessage' && known.summaryAt === undefined) {
      if (text.startsWith(`\`${name}\` is `)) seen.set(name, { ...known, summaryAt: call.time });
    }
  }
  return seen;
}

/** Polls until `done` holds for what the stand-in saw, or the timeout passes; answers the last look. */
export async function waitForDeployments(
  slack: SlackStandIn,
  wanted: readonly BenchDeployment[],
  done: (seen: Map<string, SeenDeployment>) => boolean,
  timeoutMs: number,
): Promise<Map<string, SeenDeployment>> {
  const deadline = Date.now() + timeoutMs;
  let seen = findDeployments(slack, wanted);
  while (!done(seen) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    seen = findDeployments(slack, wanted);
  }
  return seen;
}

/** Every wanted deployment has its summary. */
export const allSummarized =
  (wanted: readonly BenchDeployment[]) => (seen: Map<string, SeenDeployment>) =>
    wanted.every((d) => seen.get(d.name)?.summaryAt !== undefined);
