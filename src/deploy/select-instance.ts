import type { InstanceMeta } from '../aliyun/schemas.js';

/** The instance type to run on, or why the request cannot be met. */
export type InstanceChoice =
  | { ok: true; instance: InstanceMeta; note?: string }
  | { ok: false; reason: string };

const usable = (m: InstanceMeta): boolean => m.IsAvailable && m.StockStatus === 'WithStock';
const isGpu = (m: InstanceMeta): boolean => m.GPUAmount > 0;

/** Smallest first: fewest GPUs, least GPU memory, fewest cores, least memory. */
const bySize = (a: InstanceMeta, b: InstanceMeta): number =>
  a.GPUAmount - b.GPUAmount || a.GPUMemory - b.GPUMemory || a.CPU - b.CPU || a.Memory - b.Memory;

const describe = (m: InstanceMeta): string =>
  `${m.InstanceType} (${m.GPUAmount}× ${m.GPU ?? 'GPU'}, ${m.CPU} vCPU, ${m.Memory} GB)`;

/** Checks the type exists, is available and in stock; vLLM/SGLang on a CPU type get the smallest GPU type. */
export function selectInstance(
  requested: string,
  metas: readonly InstanceMeta[],
  options: { region: string; needsGpu: boolean; frameworkLabel?: string },
): InstanceChoice {
  const meta = metas.find((m) => m.InstanceType === requested);
  if (!meta) {
    return {
      ok: false,
      reason: `The instance type ${requested} is not offered in ${options.region}. Pick one from the list.`,
    };
  }
  if (options.needsGpu && !isGpu(meta)) {
    const gpu = metas.filter((m) => isGpu(m) && usable(m)).sort(bySize)[0];
    if (!gpu) {
      return {
        ok: false,
        reason: `${options.frameworkLabel ?? 'This image'} needs a GPU, ${requested} is a CPU type, and no GPU type is in stock in ${options.region}.`,
      };
    }
    return {
      ok: true,
      instance: gpu,
      note: `${options.frameworkLabel ?? 'This image'} needs a GPU: ${requested} is a CPU type, so ${describe(gpu)} was used instead.`,
    };
  }
  if (!meta.IsAvailable) {
    return {
      ok: false,
      reason: `The instance type ${requested} is not available in ${options.region}.`,
    };
  }
  if (meta.StockStatus !== 'WithStock') {
    return {
      ok: false,
      reason: `The instance type ${requested} is out of stock in ${options.region} (${meta.StockStatus}). Pick another.`,
    };
  }
  return { ok: true, instance: meta };
}
