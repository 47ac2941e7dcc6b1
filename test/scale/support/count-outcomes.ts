import { setTimeout as sleep } from 'node:timers/promises';
import { filterSimCalls, readSimCallLog } from '../../../sim/aliyun/call-log.js';
import type { SlackStandIn } from '../../../sim/slack/slack-standin.js';
import { SERVICE_BODY_FLAG } from '../../../src/aliyun/commands.js';

/** A deployment looked for: its service name and the channel it was asked in. */
export interface Wanted {
  readonly name: string;
  readonly channel: string;
}

/** What one deployment left behind: in the cloud (the simulator's call log) and in Slack. */
export interface Outcome {
  /** create-service calls for this name, whatever they answered. */
  readonly creates: number;
  /** Parent messages in its channel naming it (its token DM does not count). */
  readonly parents: number;
  /** Their first lines and when each was posted: what a second one was, when there is one. */
  readonly parentLines: string[];
  /** Replies in its threads that are its summary ("`name` is <Status> in <region>"). */
  readonly summaries: number;
  /** Its other thread replies (a failure, a "resend" notice), first lines. */
  readonly otherReplies: string[];
}

/** Reads every named deployment's outcome from the stand-in's record and the simulator's call log. */
export async function readOutcomes(
  slack: SlackStandIn,
  statePath: string,
  wanted: readonly Wanted[],
): Promise<Map<string, Outcome>> {
  const names = wanted.map((w) => w.name);
  const channelOf = new Map(wanted.map((w) => [w.name, w.channel]));
  const creates = new Map<string, number>();
  for (const call of filterSimCalls(await readSimCallLog(statePath), 'eas create-service')) {
    const body = call.argv[call.argv.indexOf(SERVICE_BODY_FLAG) + 1] ?? '{}';
    const name = (JSON.parse(body) as { metadata?: { name?: string } }).metadata?.name ?? '';
    creates.set(name, (creates.get(name) ?? 0) + 1);
  }
  const parentOf = new Map<string, string>();
  const outcomes = new Map(
    names.map((n) => [
      n,
      {
        creates: creates.get(n) ?? 0,
        parents: 0,
        parentLines: [] as string[],
        summaries: 0,
        otherReplies: [] as string[],
      },
    ]),
  );
  for (const call of slack.calls) {
    if (call.method !== 'chat.postMessage') continue;
    const text = String(call.args.text ?? '');
    const threadTs = call.args.thread_ts ? String(call.args.thread_ts) : undefined;
    if (!threadTs) {
      const name = /`([a-z0-9_]+)`/.exec(text)?.[1];
      const ts = (call.response as { ts?: string } | undefined)?.ts;
      const outcome = name ? outcomes.get(name) : undefined;
      if (name && ts && outcome && call.args.channel === channelOf.get(name)) {
        outcome.parents += 1;
        outcome.parentLines.push(
          `${new Date(call.time).toISOString().slice(11, 23)} ${text.split('\n')[0] ?? ''}`,
        );
        parentOf.set(ts, name);
      }
      continue;
    }
    const name = parentOf.get(threadTs);
    const outcome = name ? outcomes.get(name) : undefined;
    if (!name || !outcome) continue;
    if (text.startsWith(`\`${name}\` is `)) outcome.summaries += 1;
    else outcome.otherReplies.push(text.split('\n')[0] ?? '');
  }
  return outcomes;
}

/** Waits until each named deployment has a reply in its thread (its result), or the time is up. */
export async function waitForResults(
  slack: SlackStandIn,
  statePath: string,
  wanted: readonly Wanted[],
  timeoutMs: number,
): Promise<Map<string, Outcome>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const outcomes = await readOutcomes(slack, statePath, wanted);
    const done = [...outcomes.values()].every((o) => o.summaries + o.otherReplies.length > 0);
    if (done || Date.now() > deadline) return outcomes;
    await sleep(500);
  }
}
