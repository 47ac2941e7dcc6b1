import type { ModelSize } from './estimate-model-size.js';

/** An instance type's GPUs, as describe-machine-spec gives them (GPUMemory is per GPU, in GB). */
export interface GpuShape {
  readonly instanceType: string;
  readonly gpuCount: number;
  readonly gpuMemoryGb: number;
  /** False for a type out of stock or unavailable: never suggested. */
  readonly usable?: boolean;
}

/**
 * vLLM lets the model use 90 % of each GPU by default (vllm-project/vllm, vllm/engine/arg_utils.py:
 * `EngineArgs.gpu_memory_utilization = 0.90`); what is left after the weights holds the KV cache.
 */
export const GPU_MEMORY_UTILIZATION = 0.9;
/** A suggested type leaves at least this much over the weights for the KV cache. */
const HEADROOM = 1.2;

export type ModelFit =
  | { readonly fits: true; readonly model: ModelSize; readonly gpu: GpuShape }
  | {
      readonly fits: false;
      readonly model: ModelSize;
      readonly gpu: GpuShape;
      /** GPU memory the model may use on the chosen type (GB). */
      readonly usableGb: number;
      /** A larger type of the same region, smallest first; with several GPUs, tensor parallelism. */
      readonly suggestion?: GpuShape;
      /** What the person reads: the numbers and the way out. */
      readonly warning: string;
    };

const totalGb = (g: GpuShape) => g.gpuCount * g.gpuMemoryGb;
const round = (n: number) => Math.round(n * 10) / 10;

/** How to run it on the suggested type; tensor parallelism splits the weights across its GPUs. */
export function describeSuggestion(s: GpuShape): string {
  const tp = s.gpuCount > 1 ? ` with \`--tensor-parallel-size ${s.gpuCount}\` in the command` : '';
  return `${s.instanceType} (${s.gpuCount} × ${s.gpuMemoryGb} GB)${tp}`;
}

/** Weights against the type's GPU memory; a model too big gets the numbers and a larger type to use. */
export function checkModelFit(
  model: ModelSize,
  gpu: GpuShape,
  catalog: readonly GpuShape[] = [],
): ModelFit | undefined {
  if (gpu.gpuCount <= 0 || gpu.gpuMemoryGb <= 0) return undefined;
  const usableGb = round(totalGb(gpu) * GPU_MEMORY_UTILIZATION);
  if (model.weightsGb <= usableGb) return { fits: true, model, gpu };
  const suggestion = [...catalog]
    .filter(
      (c) =>
        c.usable !== false && totalGb(c) * GPU_MEMORY_UTILIZATION >= model.weightsGb * HEADROOM,
    )
    .sort((a, b) => totalGb(a) - totalGb(b) || a.gpuCount - b.gpuCount)[0];
  const numbers = `${model.model} needs about ${model.weightsGb} GB for its weights; ${gpu.instanceType} has ${gpu.gpuCount} × ${gpu.gpuMemoryGb} GB of GPU memory, of which about ${usableGb} GB is usable`;
  const way = suggestion
    ? `Pick ${describeSuggestion(suggestion)}, or a quantized build (AWQ/GPTQ int4, about ${round(model.paramsB * 0.5)} GB).`
    : `No type in this region's list is large enough: use a quantized build (AWQ/GPTQ int4, about ${round(model.paramsB * 0.5)} GB) or tensor parallelism on a multi-GPU type.`;
  return {
    fits: false,
    model,
    gpu,
    usableGb,
    ...(suggestion ? { suggestion } : {}),
    warning: `${numbers}. ${way}`,
  };
}
