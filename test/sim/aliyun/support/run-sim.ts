import { execFile, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildDemoWorld } from '../../../../sim/aliyun/demo-world.js';
import { startServingHost } from '../../../../sim/aliyun/serving-host.js';
import {
  findSimExecutable,
  prepareSimEnv,
  type SimEnvOptions,
  simStatePath,
} from '../../../../sim/aliyun/sim-env.js';
import type { SimWorldInput } from '../../../../sim/aliyun/world-schema.js';

export interface SimRun {
  code: number;
  stdout: string;
  stderr: string;
  /** stdout parsed as JSON ({} when it is not JSON). */
  json: Record<string, unknown>;
}

const SIM = findSimExecutable();

/**
 * One simulated account in a fresh temp directory; `run` starts bin/aliyun-sim as a real process.
 * With `serve`, Running services answer HTTP on a serving host that `cleanup` closes.
 */
export async function createSim(
  options: Omit<SimEnvOptions, 'dir' | 'servingUrl'> & { serve?: boolean } = {},
) {
  const { serve, ...simOptions } = options;
  const dir = await mkdtemp(join(tmpdir(), 'aliyun-sim-test-'));
  const host = serve ? await startServingHost({ statePath: simStatePath(dir) }) : undefined;
  const simEnv = await prepareSimEnv({
    dir,
    ...simOptions,
    ...(host ? { servingUrl: host.url } : {}),
  });
  const run = (args: readonly string[], extraEnv: Record<string, string> = {}) =>
    new Promise<SimRun>((resolve) => {
      const env = { PATH: process.env.PATH ?? '', ...simEnv, ...extraEnv };
      execFile(SIM, [...args], { env, timeout: 20_000 }, (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        let json: Record<string, unknown> = {};
        try {
          json = JSON.parse(stdout);
        } catch {
          json = {};
        }
        resolve({ code, stdout, stderr, json });
      });
    });
  /** Runs the simulator with stdin /dev/null, as a child with ignored stdin gets it (a character device). */
  const runWithDevNull = (args: readonly string[], extraEnv: Record<string, string> = {}) =>
    new Promise<SimRun>((resolve) => {
      const env = { PATH: process.env.PATH ?? '', ...simEnv, ...extraEnv };
      const child = spawn(SIM, [...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d) => {
        stdout += d;
      });
      child.stderr.on('data', (d) => {
        stderr += d;
      });
      child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr, json: {} }));
    });
  return {
    dir,
    statePath: simEnv.ALIYUN_SIM_STATE ?? '',
    run,
    servingUrl: host?.url,
    runWithDevNull,
    cleanup: async () => {
      await host?.close();
      // A simulator child started just before the stop may still be writing: rm retries ENOTEMPTY.
      await rm(dir, { recursive: true, force: true, maxRetries: 10 });
    },
  };
}

/** The demo world with a few fields replaced, for tests that need other timings or faults. */
export function buildWorld(overrides: Partial<SimWorldInput> = {}): SimWorldInput {
  return { ...buildDemoWorld(), ...overrides };
}

/** A create-service body for the shared gateway in cn-hangzhou, with overrides merged at the top. */
export function buildBody(overrides: Record<string, unknown> = {}, name = 'qwen_demo'): string {
  return JSON.stringify({
    metadata: { name, instance: 1, workspace_id: '86231' },
    containers: [
      {
        image: 'eas-registry-vpc.cn-hangzhou.cr.aliyuncs.com/pai-eas/vllm:0.14.0-gpu',
        port: 8000,
        command: 'vllm serve /model_dir --port 8000',
      },
    ],
    cloud: { computing: { instance_type: 'ecs.gn7i-c16g1.4xlarge' } },
    ...overrides,
  });
}

export const HZ = ['--region', 'cn-hangzhou'] as const;
