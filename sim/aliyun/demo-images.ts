import type { SimImage } from './world-schema.js';

/** name, tag, framework label, version, chip, default script, default port */
type ImageRow = readonly [string, string, string, string, string, string, number];

const OFFICIAL_IMAGES: readonly ImageRow[] = [
  [
    'vllm',
    '0.14.0-gpu',
    'vllm',
    '0.14.0',
    'GPU',
    'vllm serve /model_dir --port 8000 --trust-remote-code',
    8000,
  ],
  [
    'vllm',
    '0.13.0rc2.a8ec486.20260305pai-gpu',
    'vllm',
    '0.13.0',
    'GPU',
    'vllm serve /model_dir --port 8000 --trust-remote-code',
    8000,
  ],
  ['vllm', '0.11.0-gpu', 'vllm', '0.11.0', 'GPU', 'vllm serve /model_dir --port 8000', 8000],
  ['vllm', '0.14.0-xpu', 'vllm', '0.14.0', 'XPU', 'vllm serve /model_dir --port 8000', 8000],
  [
    'sglang',
    '0.5.8-acclep1.2.1-gpu',
    'sglang',
    '0.5.8',
    'GPU',
    'python -m sglang.launch_server --model-path /model_dir --host 0.0.0.0 --port 8000',
    8000,
  ],
  [
    'sglang',
    '0.5.2-gpu',
    'sglang',
    '0.5.2',
    'GPU',
    'python -m sglang.launch_server --model-path /model_dir --port 8000',
    8000,
  ],
  [
    'comfyui',
    '2.2-api',
    'comfyui',
    '2.2',
    'GPU',
    'python main.py --listen 0.0.0.0 --port 8000',
    8000,
  ],
  ['comfyui', '2.1', 'comfyui', '2.1', 'GPU', 'python main.py --listen 0.0.0.0 --port 8000', 8000],
  [
    'stable-diffusion-webui',
    '4.2',
    'sdwebui',
    '4.2',
    'GPU',
    './webui.sh --listen --port 8000 --api',
    8000,
  ],
  ['cosyvoice', '3.0.6-gpu', 'cosyvoice', '3.0.6', 'GPU', 'python webui.py --port 8000', 8000],
  ['pytorch', '2.7.1-gpu-py311-cu124', 'pytorch', '2.7.1', 'GPU', 'python app.py', 8000],
  ['pytorch', '2.7.1-cpu-py311', 'pytorch', '2.7.1', 'CPU', 'python app.py', 8000],
  [
    'tritonserver',
    '25.03-py3',
    'triton',
    '25.03',
    'GPU',
    'tritonserver --model-repository=/models --http-port 8000',
    8000,
  ],
  ['pai-rag', '0.4.3-cpu', 'pairag', '0.4.3', 'CPU', 'pai_rag serve --port 8000', 8000],
];

/** Builds the official EAS image catalogue of one region, URIs on that region's VPC registry. */
export function buildOfficialImages(region: string): SimImage[] {
  return OFFICIAL_IMAGES.map(([name, tag, framework, version, chip, script, port], index) => ({
    ImageId: `image-${region.replace(/-/g, '')}${String(index).padStart(3, '0')}`,
    Name: `${name}:${tag}`,
    ImageUri: `eas-registry-vpc.${region}.cr.aliyuncs.com/pai-eas/${name}:${tag}`,
    Description: `Official ${name} ${version} image for EAS (${chip})`,
    Accessibility: 'PUBLIC',
    GmtCreateTime: '2026-03-05T08:00:00Z',
    GmtModifiedTime: '2026-03-05T08:00:00Z',
    Labels: [
      { Key: 'system.official', Value: 'true' },
      { Key: 'system.supported.eas', Value: 'true' },
      { Key: 'system.chipType', Value: chip },
      { Key: `system.framework.${framework}`, Value: version },
      { Key: 'system.eas.default.script', Value: script },
      { Key: 'system.eas.default.port', Value: String(port) },
    ],
    Size: chip === 'CPU' ? 4 : 18,
    SourceType: 'Official',
    WorkspaceId: '',
  }));
}
