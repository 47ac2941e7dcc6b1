import { setTimeout as sleep } from 'node:timers/promises';
import { LOCAL_SIGNING_SECRET } from '../../../demo/local-stack.js';
import {
  buildStateValues,
  buildViewSubmissionBody,
  FORM_CONTENT_TYPE,
} from '../../../sim/slack/payloads.js';
import { postSigned } from '../../../sim/slack/sign-request.js';

/** Four regions (cn-shanghai has two workspaces: the form names one), six channels. */
const REGIONS = ['cn-hangzhou', 'cn-shanghai', 'cn-beijing', 'ap-southeast-1'] as const;
const CHANNELS = ['C0SCALE1', 'C0SCALE2', 'C0SCALE3', 'C0SCALE4', 'C0SCALE5', 'C0SCALE6'];

/** One deployment a person asks for, and what the bots answered them. */
export interface Submission {
  readonly name: string;
  readonly channel: string;
  /** The modal's view id: the same on every press, so the deployment id is too. */
  readonly viewId: string;
  /** Presses of Deploy until a bot acknowledged it (1 = at once). */
  presses: number;
  acknowledged: boolean;
  /** What the person was told instead of an acknowledgement, in order. */
  readonly refusals: string[];
}

/** Something the test does to Redis while the submissions go on (a failover), after submission `at`. */
export interface DriveEvent {
  readonly at: number;
  readonly run: () => Promise<unknown>;
}

export interface DriveOptions {
  readonly botUrls: readonly string[];
  readonly tag: string;
  readonly count: number;
  /** Time between two new submissions. */
  readonly paceMs: number;
  readonly events?: readonly DriveEvent[];
  /** A refused person presses Deploy again after this long, as the notice asks, until this deadline. */
  readonly resendMs?: number;
  readonly giveUpMs?: number;
}

/** The text of the notice a bot pushed instead of acknowledging, or the HTTP problem. */
function refusalOf(status: number, text: string): string {
  if (status !== 200) return `HTTP ${status} ${text.slice(0, 200)}`;
  const notice = /"text":"((?:[^"\\]|\\.)*)"/g;
  const texts = [...text.matchAll(notice)].map((m) => m[1] ?? '');
  return texts.join(' / ').slice(0, 300) || text.slice(0, 300);
}

/** Presses Deploy on one modal, through the bots in turn, until a bot acknowledges it or time runs out. */
async function submitUntilAcknowledged(options: DriveOptions, index: number, s: Submission) {
  const region = REGIONS[index % REGIONS.length] ?? 'cn-hangzhou';
  const body = buildViewSubmissionBody({
    id: s.viewId,
    userId: 'U0SCALE',
    private_metadata: JSON.stringify({ channelId: s.channel }),
    values: buildStateValues(
      { service_name: s.name, replicas: '1', port: '8000' },
      {
        region,
        image: `eas-registry-vpc.${region}.cr.aliyuncs.com/pai-eas/vllm:0.14.0-gpu`,
        instance_type: 'ecs.gn7i-c16g1.4xlarge',
        network: 'shared',
        ...(region === 'cn-shanghai' ? { workspace: '91001' } : {}),
      },
    ),
  });
  const deadline = Date.now() + (options.giveUpMs ?? 120_000);
  while (Date.now() < deadline) {
    const url = options.botUrls[(index + s.presses) % options.botUrls.length] ?? '';
    s.presses += 1;
    const answer = await postSigned(url, body, FORM_CONTENT_TYPE, LOCAL_SIGNING_SECRET).catch(
      (error: unknown) => ({ status: 0, text: String(error) }),
    );
    if (answer.status === 200 && answer.text === '') {
      s.acknowledged = true;
      return;
    }
    s.refusals.push(refusalOf(answer.status, answer.text));
    await sleep(options.resendMs ?? 2_000);
  }
}

/** Submits `count` deployments at a steady pace, runs the events in between, and waits for every answer. */
export async function driveDeployments(options: DriveOptions): Promise<Submission[]> {
  const submissions: Submission[] = [];
  const pending: Promise<unknown>[] = [];
  for (let i = 0; i < options.count; i += 1) {
    const s: Submission = {
      name: `${options.tag}_${String(i).padStart(2, '0')}`,
      channel: CHANNELS[i % CHANNELS.length] ?? 'C0SCALE1',
      viewId: `V0${options.tag.toUpperCase()}${i}`,
      presses: 0,
      acknowledged: false,
      refusals: [],
    };
    submissions.push(s);
    pending.push(submitUntilAcknowledged(options, i, s));
    for (const event of options.events ?? []) if (event.at === i) pending.push(event.run());
    await sleep(options.paceMs);
  }
  await Promise.all(pending);
  return submissions;
}
