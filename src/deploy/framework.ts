/** Frameworks eas-deploy knows by name, with their usual start command (the spec's). */
export const FRAMEWORKS = {
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
  'sd-webui': { command: undefined, needsGpu: false, health: '/' },
  pytorch: { command: undefined, needsGpu: false, health: '/' },
  triton: { command: undefined, needsGpu: false, health: '/' },
  'tensorflow-serving': { command: undefined, needsGpu: false, health: '/' },
  llamacpp: { command: undefined, needsGpu: false, health: '/' },
  cosyvoice: { command: undefined, needsGpu: false, health: '/' },
  pairag: { command: undefined, needsGpu: false, health: '/' },
} as const;

export type Framework = keyof typeof FRAMEWORKS;

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
  const match = Object.keys(FRAMEWORKS).find((f) => repo === f || repo.startsWith(`${f}-`));
  return match !== undefined && isFramework(match) ? match : undefined;
}

/** Puts the port (and mount path) into a start command: `--port 8000` becomes `--port <port>`. */
export function fillCommand(template: string, port: number, mountPath: string): string {
  return template
    .replaceAll('{port}', String(port))
    .replaceAll('{mount}', mountPath)
    .replace(/--port[ =]\d+/g, `--port ${port}`);
}
