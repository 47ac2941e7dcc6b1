interface FrameworkInfo {
  readonly command: string | undefined;
  readonly needsGpu: boolean;
  readonly health: string;
  /** The official image's name in the registry, when it differs from the framework's name. */
  readonly repo?: string;
  /** The `system.framework.<label>` key of its images, when it differs from the framework's name. */
  readonly label?: string;
}

/** Frameworks eas-deploy knows by name, with their usual start command (the spec's). */
const TABLE = {
  vllm: {
    command: 'vllm serve {mount} --port {port} --trust-remote-code',
    needsGpu: true,
    health: '/health',
  },
  sglang: {
    command: 'python -m sglang.launch_server --model-path {mount} --host 0.0.0.0 --port {port}',
    needsGpu: true,
    health: '/health',
  },
  comfyui: {
    command: 'python main.py --listen 0.0.0.0 --port {port}',
    needsGpu: false,
    health: '/',
  },
  'sd-webui': {
    command: undefined,
    needsGpu: false,
    health: '/',
    repo: 'stable-diffusion-webui',
    label: 'sdwebui',
  },
  pytorch: { command: undefined, needsGpu: false, health: '/' },
  triton: { command: undefined, needsGpu: false, health: '/', repo: 'tritonserver' },
  'tensorflow-serving': { command: undefined, needsGpu: false, health: '/' },
  llamacpp: { command: undefined, needsGpu: false, health: '/' },
  cosyvoice: { command: undefined, needsGpu: false, health: '/' },
  pairag: { command: undefined, needsGpu: false, health: '/', repo: 'pai-rag' },
} as const satisfies Record<string, FrameworkInfo>;

export type Framework = keyof typeof TABLE;
export const FRAMEWORKS: Readonly<Record<Framework, FrameworkInfo>> = TABLE;

/** What list-images' `--name` filter is given for a framework: its image's registry name. */
export const imageName = (f: Framework): string => FRAMEWORKS[f].repo ?? f;

/** The image label that marks a framework's images: `system.framework.sdwebui`. */
export const frameworkLabel = (f: Framework): string =>
  `system.framework.${FRAMEWORKS[f].label ?? f}`;

const isFramework = (s: string): s is Framework => Object.hasOwn(FRAMEWORKS, s);

/** A framework name (`vllm`) as typed, or undefined when the text is an image URI. */
export function readFrameworkName(image: string): Framework | undefined {
  const name = image.trim().toLowerCase();
  return isFramework(name) ? name : undefined;
}

/** The framework an image URI belongs to: `…/pai-eas/vllm:0.14.0-gpu` → vllm. */
export function detectFramework(image: string): Framework | undefined {
  const byName = readFrameworkName(image);
  if (byName) return byName;
  const repo = image.split('/').pop()?.split(/[:@]/)[0]?.toLowerCase() ?? '';
  const names = (f: Framework): string[] => [f, imageName(f)];
  return Object.keys(FRAMEWORKS)
    .filter(isFramework)
    .find((f) => names(f).some((n) => repo === n || repo.startsWith(`${n}-`)));
}

/** Puts the port (and mount path) into a start command: `--port 8000` becomes `--port <port>`. */
export function fillCommand(template: string, port: number, mountPath: string): string {
  return template
    .replaceAll('{port}', String(port))
    .replaceAll('{mount}', mountPath)
    .replace(/--port[ =]\d+/g, `--port ${port}`);
}
