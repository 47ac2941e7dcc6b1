import { LOCAL_SIGNING_SECRET } from '../demo/local-stack.js';
import {
  buildBlockSuggestionBody,
  buildSlashCommandBody,
  buildStateValues,
  FORM_CONTENT_TYPE,
} from '../sim/slack/payloads.js';
import { postSigned } from '../sim/slack/sign-request.js';
import type { BenchStack } from './bench-stack.js';
import { summarizeLatencies } from './percentiles.js';

/** Every region of the simulator's world (the demo account). */
export const WORLD_REGIONS = ['cn-hangzhou', 'cn-shanghai', 'cn-beijing', 'ap-southeast-1'];
const FIELDS = ['image', 'instance_type'] as const;
const WARM_ASKS = 120;
const WARM_RATE_PER_S = 40;
const CLI_LATENCY_MS = 1500;

export interface OptionsResult {
  /** Slowest first answer over every region and both fields (all asked at once). */
  readonly coldMaxMs: number;
  /** Cold answers that came back without options (the catalog missed Slack's budget). */
  readonly coldEmpty: number;
  readonly coldAsks: number;
  readonly warmP99Ms: number;
  readonly warmP50Ms: number;
  readonly warmAsks: number;
  readonly warmEmpty: number;
}

/** Asks the bot for one select's options as Slack does; answers ms and how many options came. */
async function ask(stack: BenchStack, region: string, field: (typeof FIELDS)[number]) {
  const body = buildBlockSuggestionBody({
    actionId: field,
    query: '',
    values: buildStateValues({}, { region }),
  });
  const started = performance.now();
  const answer = await postSigned(stack.eventsUrl, body, FORM_CONTENT_TYPE, LOCAL_SIGNING_SECRET);
  const ms = performance.now() - started;
  const options = (answer.json as { options?: unknown[] } | undefined)?.options ?? [];
  return { ms, count: answer.status === 200 ? options.length : 0 };
}

/**
 * A person's first search in a region: the form opens for it (`/eas-deploy region=…`; a select
 * can only be searched in an open form), and both fields are searched the moment the form is
 * shown (views.open reached Slack), before any person could type. Timed from the search, as
 * Slack's 3 s are.
 */
async function askCold(stack: BenchStack, region: string) {
  const command = buildSlashCommandBody({ text: `region=${region}` });
  const triggerId = new URLSearchParams(command).get('trigger_id');
  await postSigned(stack.eventsUrl, command, FORM_CONTENT_TYPE, LOCAL_SIGNING_SECRET);
  const shown = () =>
    stack.slack.calls.some((c) => c.method === 'views.open' && c.args.trigger_id === triggerId);
  for (let waited = 0; !shown() && waited < 3_000; waited += 10) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return Promise.all(FIELDS.map((field) => ask(stack, region, field)));
}

/** Cold: the first search of every region and field, all at once; warm: asks at a steady rate after. */
export async function runOptions(stack: BenchStack): Promise<OptionsResult> {
  await stack.cli.setLatency(CLI_LATENCY_MS);
  const cold = (await Promise.all(WORLD_REGIONS.map((region) => askCold(stack, region)))).flat();
  // Warm means loaded: ask until every list has come back (a cold answer past the budget is empty).
  const deadline = Date.now() + 15_000;
  for (const region of WORLD_REGIONS) {
    for (const field of FIELDS) {
      while ((await ask(stack, region, field)).count === 0 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  }
  const warm: Array<Promise<{ ms: number; count: number }>> = [];
  for (let i = 0; i < WARM_ASKS; i += 1) {
    const region = WORLD_REGIONS[i % WORLD_REGIONS.length] ?? 'cn-hangzhou';
    warm.push(ask(stack, region, FIELDS[i % FIELDS.length] ?? 'image'));
    await new Promise((resolve) => setTimeout(resolve, 1000 / WARM_RATE_PER_S));
  }
  const warmAnswers = await Promise.all(warm);
  const warmStats = summarizeLatencies(warmAnswers.map((a) => a.ms));
  return {
    coldMaxMs: Math.max(...cold.map((a) => a.ms)),
    coldEmpty: cold.filter((a) => a.count === 0).length,
    coldAsks: cold.length,
    warmP99Ms: warmStats.p99,
    warmP50Ms: warmStats.p50,
    warmAsks: warmAnswers.length,
    warmEmpty: warmAnswers.filter((a) => a.count === 0).length,
  };
}
