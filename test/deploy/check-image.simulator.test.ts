import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { prepareSimEnv } from '../../sim/aliyun/sim-env.js';
import { createExecaCliRunner } from '../../src/aliyun/cli-runner.js';
import { DeploySpec } from '../../src/deploy/deploy-spec.js';
import { checkImage } from '../../src/deploy/read-gates.js';

// A framework name typed in the form must find its official image the way the cloud lists it: the
// list-images name filter and the system.framework.<label> label, which differ from the typed name
// for some images (sd-webui is `stable-diffusion-webui`, labelled `sdwebui`).
const SIM = resolve('bin/aliyun-sim');
const available = existsSync(SIM) && existsSync('dist/sim/aliyun/main.js');
const dir = mkdtempSync(join(tmpdir(), 'check-image-'));
const cli = createExecaCliRunner({
  executable: SIM,
  env: { PATH: process.env.PATH ?? '', ...(await prepareSimEnv({ dir })) },
  defaultTimeoutMs: 20_000,
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(!available)('checkImage through the simulator', () => {
  it.each([
    ['vllm', 'pai-eas/vllm:0.14.0-gpu'],
    ['sglang', 'pai-eas/sglang:'],
    ['comfyui', 'pai-eas/comfyui:'],
    ['sd-webui', 'pai-eas/stable-diffusion-webui:4.2'],
    ['cosyvoice', 'pai-eas/cosyvoice:'],
    ['pytorch', 'pai-eas/pytorch:2.7.1-gpu'],
    ['triton', 'pai-eas/tritonserver:'],
    ['pairag', 'pai-eas/pai-rag:'],
  ])('image=%s resolves to an official image', async (image, uri) => {
    const spec = DeploySpec.parse({
      region: 'cn-shanghai',
      serviceName: 'image_check',
      image,
      instanceType: 'ecs.gn7i-c16g1.4xlarge',
    });
    const gate = await checkImage(
      { cli },
      { region: 'cn-shanghai', userAgent: 'eas-deploy-test' },
      spec,
    );
    expect(gate).toMatchObject({
      status: 'passed',
      value: { imageUri: expect.stringContaining(uri) },
    });
  });
});
