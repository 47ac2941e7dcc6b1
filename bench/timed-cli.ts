import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * A bash wrapper around the simulator. Per call it reads the latency to simulate from a file (so
 * one running stack can change it between phases), and appends `start end product operation tag`
 * (epoch seconds with µs from $EPOCHREALTIME: no extra process; tag = the deployment id in the user
 * agent, `catalog` for the modal's lists, `-` for none). The latency is the whole call's
 * (ALIYUN_SIM_CALL_STARTED_MS), as with the real CLI. The ALIYUN_SIM_* names pass the CLI env filter.
 */
const SCRIPT = `#!/bin/bash
start=$EPOCHREALTIME
read -r ALIYUN_SIM_LATENCY_MS < "$ALIYUN_SIM_LATENCY_FILE"
us=\${start/./}
export ALIYUN_SIM_LATENCY_MS ALIYUN_SIM_CALL_STARTED_MS=$((us / 1000))
"$ALIYUN_SIM_BIN" "$@"
code=$?
tag=-
[[ "$*" =~ \\(deployment\\ ([^\\)]+)\\) ]] && tag=\${BASH_REMATCH[1]}
printf '%s %s %s %s %s\\n' "$start" "$EPOCHREALTIME" "$1" "$2" "$tag" >> "$ALIYUN_SIM_TIMES"
exit $code
`;

/** The wrapper of one stack: its ALIYUN_CLI env, and how to set the latency of the calls to come. */
export interface TimedCli {
  readonly env: Record<string, string>;
  readonly timesPath: string;
  setLatency(ms: number): Promise<void>;
}

/** Writes the wrapper, its latency file (starting at latencyMs) and an empty times file into dir. */
export async function writeTimedCli(
  dir: string,
  simExecutable: string,
  latencyMs = 0,
): Promise<TimedCli> {
  const executable = join(dir, 'aliyun-timed');
  const timesPath = join(dir, 'cli-times.txt');
  const latencyPath = join(dir, 'cli-latency.txt');
  await writeFile(executable, SCRIPT, { mode: 0o755 });
  await writeFile(timesPath, '');
  const setLatency = (ms: number) => writeFile(latencyPath, `${ms}\n`);
  await setLatency(latencyMs);
  return {
    env: {
      ALIYUN_CLI: executable,
      ALIYUN_SIM_BIN: simExecutable,
      ALIYUN_SIM_TIMES: timesPath,
      ALIYUN_SIM_LATENCY_FILE: latencyPath,
    },
    timesPath,
    setLatency,
  };
}

/** One CLI call as the wrapper saw it: epoch ms from the wrapper's start to the simulator's exit. */
export interface CliSpan {
  readonly start: number;
  readonly end: number;
  /** `product operation`, e.g. `eas create-service`. */
  readonly op: string;
  readonly tag: string;
}

/** Reads the wrapper's log, oldest start first. */
export async function readCliSpans(timesPath: string): Promise<CliSpan[]> {
  const text = await readFile(timesPath, 'utf8').catch(() => '');
  return text
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => {
      const [start = '0', end = '0', product = '', op = '', tag = '-'] = line.split(' ');
      return { start: Number(start) * 1000, end: Number(end) * 1000, op: `${product} ${op}`, tag };
    })
    .sort((a, b) => a.start - b.start);
}
