import { expect } from 'vitest';
import type { LocalStack } from '../../../demo/local-stack.js';
import { createSlackUser } from '../../../demo/slack-user.js';
import { readSimCallLog, type SimCall } from '../../../sim/aliyun/call-log.js';
import type { ViewOverrides } from '../../../sim/slack/payloads.js';
import type { RecordedCall } from '../../../sim/slack/slack-standin.js';
import { SERVICE_BODY_FLAG } from '../../../src/aliyun/commands.js';

/** What one deployment left behind: the parent, the thread as a person reads it, and the CLI calls. */
export interface FlowResult {
  readonly parentTs: string;
  /** The parent as first posted, before any step ran (as JSON text). */
  readonly posted: string;
  /** The last thread reply (summary, dry run or problem), as JSON text. */
  readonly final: string;
  /** The parent's last edit (headline and checklist), as JSON text. */
  readonly parent: string;
  /** Every message of the thread and every edit of the parent, as JSON text. */
  readonly thread: readonly string[];
  /** "product operation" of each simulator call this deployment made, in order. */
  readonly ops: readonly string[];
  readonly calls: readonly SimCall[];
}

const FINAL = /Deployment summary|Dry run passed|Stopped before changing anything|failed\./;
const textOf = (call: RecordedCall): string => JSON.stringify(call.args);
let viewCounter = 0;

/**
 * Submits the modal as a person would and waits for the deployment's last thread reply. `view` is
 * a modal the stand-in holds (`fromStoredView`); by default a new view id the stand-in never saw.
 */
export async function deployThroughSlack(
  stack: LocalStack,
  fields: Record<string, string>,
  selects: Record<string, string>,
  view?: ViewOverrides,
): Promise<FlowResult> {
  const person = createSlackUser({ eventsUrl: stack.eventsUrl });
  const logBefore = (await readSimCallLog(stack.simEnv.ALIYUN_SIM_STATE ?? '')).length;
  const name = fields.service_name ?? '';
  viewCounter += 1;
  const answer = await person.submitForm(
    { replicas: '1', port: '8000', ...fields },
    { network: 'shared', ...selects },
    view ?? `V0FLOW${String(viewCounter).padStart(4, '0')}`,
  );
  expect(answer.status).toBe(200);
  expect(answer.text).toBe('');
  const stem = name.replace(/\*$/, '');
  const parent = await stack.slack.waitFor(
    (c) =>
      c.method === 'chat.postMessage' &&
      c.args.channel === 'C0DEPLOY' &&
      !c.args.thread_ts &&
      textOf(c).includes(stem),
    30_000,
  );
  const parentTs = (parent.response as unknown as { ts: string }).ts;
  const finalCall = await stack.slack.waitFor(
    (c) =>
      c.method === 'chat.postMessage' && c.args.thread_ts === parentTs && FINAL.test(textOf(c)),
    60_000,
  );
  const thread = stack.slack.calls
    .filter(
      (c) =>
        c.args.thread_ts === parentTs || (c.method === 'chat.update' && c.args.ts === parentTs),
    )
    .map(textOf);
  const calls = (await readSimCallLog(stack.simEnv.ALIYUN_SIM_STATE ?? '')).slice(logBefore);
  const ops = calls.map((c) => `${c.argv[0]} ${c.argv[1]}`);
  // The parent's final edit goes out beside the summary (neither waits for the other): wait for it.
  const parentNow = await stack.slack.waitFor(
    (c) =>
      c.method === 'chat.update' &&
      c.response?.ok === true &&
      c.args.ts === parentTs &&
      !/^(Deploying|Checking)/.test(String(c.args.text)),
    20_000,
  );
  return {
    parentTs,
    posted: textOf(parent),
    final: textOf(finalCall),
    parent: textOf(parentNow),
    thread,
    ops,
    calls,
  };
}

/** The service JSON (`--biz-body`) of the create-service calls of a flow. */
export function readCreateBodies(flow: FlowResult): Record<string, unknown>[] {
  return flow.calls
    .filter((c) => c.argv[0] === 'eas' && c.argv[1] === 'create-service')
    .map(
      (c) =>
        JSON.parse(c.argv[c.argv.indexOf(SERVICE_BODY_FLAG) + 1] ?? '{}') as Record<
          string,
          unknown
        >,
    );
}
