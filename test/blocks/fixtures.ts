import type { ImageChoice, InstanceChoice } from '../../blocks/select-options.js';

/** Catalog data shaped like the demo world, plus a few oversized entries to stress the limits. */
export const IMAGES: ImageChoice[] = [
  {
    uri: 'eas-registry-vpc.cn-hangzhou.cr.aliyuncs.com/pai-eas/vllm:0.8.5',
    label: 'vllm 0.8.5',
    command: 'vllm serve /model_dir --port 8000',
  },
  {
    uri: 'eas-registry-vpc.cn-hangzhou.cr.aliyuncs.com/pai-eas/sglang:0.4.6',
    label: 'sglang 0.4.6',
  },
  ...Array.from({ length: 130 }, (_, i) => ({
    uri: `registry.example.com/team/${'x'.repeat(110)}:${i}`,
    label: `very long image label ${'y'.repeat(90)} ${i}`,
  })),
];

export const INSTANCES: InstanceChoice[] = [
  { instanceType: 'ecs.g6.xlarge', gpuCount: 0, cpu: 4, memoryGb: 16, stock: 'WithStock' },
  {
    instanceType: 'ecs.gn7i-c16g1.4xlarge',
    gpuModel: 'NVIDIA A10',
    gpuCount: 1,
    gpuMemoryGb: 24,
    cpu: 16,
    memoryGb: 60,
    stock: 'WithStock',
  },
  {
    instanceType: 'ml.gu8xf.8xlarge-gu108',
    gpuModel: 'NVIDIA H20 141GB HBM3e variant long name',
    gpuCount: 8,
    gpuMemoryGb: 141,
    cpu: 128,
    memoryGb: 1024,
    stock: 'WithoutStock',
  },
];
