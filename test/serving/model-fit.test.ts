import { describe, expect, it } from 'vitest';
import { checkModelFit } from '../../src/serving/check-model-fit.js';
import { estimateModelSize } from '../../src/serving/estimate-model-size.js';

const A10 = { instanceType: 'ecs.gn7i-c16g1.4xlarge', gpuCount: 1, gpuMemoryGb: 24 };
const A100 = { instanceType: 'ecs.gn7-c12g1.3xlarge', gpuCount: 1, gpuMemoryGb: 80 };
const A100X8 = { instanceType: 'ecs.gn7-c96g1.24xlarge', gpuCount: 8, gpuMemoryGb: 80 };

describe('the model size, from the names a person gave', () => {
  it.each([
    [{ modelPath: 'oss://models/qwen2.5-7b/' }, 'qwen2.5-7b', 7, 14],
    [
      { command: 'vllm serve Qwen/Qwen2.5-72B-Instruct --port 8000' },
      'Qwen2.5-72B-Instruct',
      72,
      144,
    ],
    [{ modelPath: 'oss://m/llama-3-70b-instruct-awq/' }, 'llama-3-70b-instruct-awq', 70, 35],
    [{ image: 'registry.example.com/team/llama-3-8b-server:1.0' }, 'llama-3-8b-server', 8, 16],
    [{ modelPath: 'oss://m/mixtral-8x7b/' }, 'mixtral-8x7b', 46.7, 93.4],
    [{ modelPath: 'oss://m/qwen2.5-0.5b/' }, 'qwen2.5-0.5b', 0.5, 1],
  ])('%o → %s', (sources, model, paramsB, weightsGb) => {
    expect(estimateModelSize(sources)).toMatchObject({ model, paramsB, weightsGb });
  });

  it('knows nothing from an official image or a path without a size', () => {
    expect(
      estimateModelSize({
        image: 'eas-registry-vpc.cn-hangzhou.cr.aliyuncs.com/pai-eas/vllm:0.14.0-gpu',
        modelPath: 'oss://models/my-model/',
      }),
    ).toBeUndefined();
  });
});

describe('the model-fit check', () => {
  const size = (p: string) => {
    const s = estimateModelSize({ modelPath: p });
    if (!s) throw new Error(p);
    return s;
  };

  it('lets a 7B model on a 24 GB GPU pass', () => {
    expect(checkModelFit(size('oss://m/qwen2.5-7b/'), A10)?.fits).toBe(true);
  });

  it('warns with the numbers and the smallest larger type, with tensor parallelism for several GPUs', () => {
    const fit = checkModelFit(size('oss://m/qwen2.5-72b/'), A10, [A10, A100, A100X8]);
    expect(fit?.fits).toBe(false);
    expect(fit && !fit.fits && fit.warning).toBe(
      'qwen2.5-72b needs about 144 GB for its weights; ecs.gn7i-c16g1.4xlarge has 1 × 24 GB of GPU memory, of which about 21.6 GB is usable. Pick ecs.gn7-c96g1.24xlarge (8 × 80 GB) with `--tensor-parallel-size 8` in the command, or a quantized build (AWQ/GPTQ int4, about 36 GB).',
    );
  });

  it('suggests a single larger GPU when one is enough', () => {
    const fit = checkModelFit(size('oss://m/qwen2.5-14b/'), A10, [A10, A100, A100X8]);
    expect(fit && !fit.fits ? fit.suggestion : undefined).toEqual(A100);
  });

  it('never suggests a type out of stock', () => {
    const fit = checkModelFit(size('oss://m/qwen2.5-14b/'), A10, [{ ...A100, usable: false }]);
    expect(fit && !fit.fits ? fit.warning : '').toContain('No type in this region');
  });

  it('says nothing for a CPU type', () => {
    expect(
      checkModelFit(size('oss://m/qwen2.5-7b/'), {
        instanceType: 'ecs.c6.4xlarge',
        gpuCount: 0,
        gpuMemoryGb: 0,
      }),
    ).toBeUndefined();
  });
});
