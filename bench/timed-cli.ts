import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * A bash wrapper around the simulator that appends `start end product operation` (epoch seconds,
 * µs precision, from $EPOCHREALTIME: no extra process) for every call, so the benchmark sees each
 * CLI call's wall time as the worker does. The ALIYUN_SIM_* names pass the worker's CLI env filter.
 */
const SCRIPT = `#!/bin/bash
start=$EPOCHREALTIME
"$ALIYUN_SIM_BIN" "$@"
code=$?
printf '%s %s %s %s\\n' "$start" "$EPOCHREALTIME" "$1" "$2" >> "$ALIYUN_SIM_TIMES"
exit $code
`;

/** Writes the wrapper into dir; answers the ALIYUN_CLI path and the env it needs. */
export async function writeTimedCli(
  dir: string,
  simExecutable: string,
): Promise<{ executable: string; env: Record<string, string>; timesPath: string }> {
  const executable = join(dir, 'aliyun-timed');
  const timesPath = join(dir, 'cli-times.txt');
  await writeFile(executable, SCRIPT, { mode: 0o755 });
  await writeFile(timesPath, '');
  return {
    executable,
    env: { ALIYUN_CLI: executable, ALIYUN_SIM_BIN: simExecutable, ALIYUN_SIM_TIMES: timesPath },
    timesPath,
  };
}

/** One CLI call as the wrapper saw it: epoch ms from spawn of the wrapper to the simulator's exit. */
export interface CliSpan {
  readonly start: number;
  readonly end: number;
  readonly op: string;
}

/** Reads the wrapper's log. */
export async function readCliSpans(timesPath: string): Promise<CliSpan[]> {
  const text = await readFile(timesPath, 'utf8').catch(() => '');
  return text
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => {
      const [start = '0', end = '0', product = '', op = ''] = line.split(' ');
      return { start: Number(start) * 1000, end: Number(end) * 1000, op: `${product} ${op}` };
    })
    .sort((a, b) => a.start - b.start);
}
