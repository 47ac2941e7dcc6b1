import { readFileSync } from 'node:fs';
import type { CliResult, CliRunner, RunOptions } from '../../src/aliyun/cli-runner.js';

/** One scripted answer; `stdout` objects are printed as JSON. */
export interface Reply {
  readonly stdout?: string | object;
  readonly stderr?: string;
  readonly exitCode?: number;
  readonly timedOut?: boolean;
}

/** A rule: calls whose argv starts with `prefix` (and pass `when`) get the replies in turn, the last one repeating. */
export interface Rule {
  readonly prefix: readonly string[];
  readonly when?: (args: readonly string[]) => boolean;
  readonly replies: readonly Reply[] | ((args: readonly string[]) => Reply);
}

export interface ScriptedCli extends CliRunner {
  /** Every call, in the order it was made. */
  readonly calls: string[][];
  /** The calls whose argv starts with the given words. */
  callsOf(...prefix: string[]): string[][];
  /** The most calls that were in flight at once. */
  readonly maxInFlight: number;
}

const startsWith = (args: readonly string[], prefix: readonly string[]): boolean =>
  prefix.every((p, i) => args[i] === p);

/** The value after a flag in an argv, e.g. `flagValue(args, '--region')`. */
export function flagValue(args: readonly string[], flag: string): string | undefined {
  const i = args.indexOf(flag);
  return i >= 0 ? args[i + 1] : undefined;
}

/** A JSON fixture from test/fixtures/aliyun, named by scenario. */
export function fixture(name: string): object {
  return JSON.parse(readFileSync(new URL(`../fixtures/aliyun/${name}`, import.meta.url), 'utf8'));
}

/** A text fixture (stderr of an error) from test/fixtures/aliyun. */
export function textFixture(name: string): string {
  return readFileSync(new URL(`../fixtures/aliyun/${name}`, import.meta.url), 'utf8');
}

/** An error reply: the stderr text and exit code 1 unless said. */
export const failWith = (stderr: string, exitCode = 1): Reply => ({ stderr, exitCode });

/** A CliRunner that answers from rules (earlier rules win) and records every call; it starts no process. */
export function createScriptedCli(rules: readonly Rule[]): ScriptedCli {
  const calls: string[][] = [];
  const used = new Map<Rule, number>();
  let inFlight = 0;
  let maxInFlight = 0;
  return {
    calls,
    callsOf: (...prefix) => calls.filter((c) => startsWith(c, prefix)),
    get maxInFlight() {
      return maxInFlight;
    },
    async run(args: readonly string[], _options?: RunOptions): Promise<CliResult> {
      calls.push([...args]);
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      // Yield so that calls started together are in flight together, as real processes would be.
      await new Promise((r) => setImmediate(r));
      inFlight -= 1;
      const rule = rules.find((r) => startsWith(args, r.prefix) && (r.when?.(args) ?? true));
      let reply: Reply = {
        stderr: `ERROR: no script for ${args.slice(0, 2).join(' ')}`,
        exitCode: 2,
      };
      if (rule) {
        if (typeof rule.replies === 'function') reply = rule.replies(args);
        else {
          const n = used.get(rule) ?? 0;
          used.set(rule, n + 1);
          reply = rule.replies[Math.min(n, rule.replies.length - 1)] ?? reply;
        }
      }
      const stdout =
        typeof reply.stdout === 'object' ? JSON.stringify(reply.stdout) : (reply.stdout ?? '');
      return {
        args,
        exitCode: reply.timedOut ? undefined : (reply.exitCode ?? 0),
        stdout,
        stderr: reply.stderr ?? '',
        timedOut: reply.timedOut ?? false,
        durationMs: 0,
      };
    },
  };
}
