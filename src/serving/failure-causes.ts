/**
 * The common reasons an EAS service does not come up, how each shows in the warning events, the
 * status message and the log, and what the person does next. Patterns follow Kubernetes event
 * reasons (EAS instances are pods) and Alibaba Cloud's "EAS FAQ" (alibabacloud.com/help/en/pai/
 * faq-about-eas: Waiting for want of resources or a failing health check on the wrong port; Failed
 * for a missing model path, an instance killed out of memory, a crash, or ImagePullBackOff).
 */
export type CauseId =
  | 'out-of-memory'
  | 'image-pull'
  | 'model-not-found'
  | 'health-check-port'
  | 'out-of-stock'
  | 'crash-loop';

/** What a cause's words are built from: the service as asked and the numbers found. */
export interface CauseContext {
  readonly serviceName: string;
  readonly port: number;
  readonly image: string;
  readonly instanceType?: string;
  readonly modelPath?: string;
  readonly mountPath?: string;
  /** The port the log says the server listens on, when it says so. */
  readonly listeningPort?: number;
  /** "qwen2.5-72b needs about 144 GB; … has 1 × 24 GB", when the size is knowable. */
  readonly memoryNumbers?: string;
  /** A larger type to use, with tensor parallelism when it has several GPUs. */
  readonly largerType?: string;
}

export interface CauseRule {
  readonly id: CauseId;
  readonly title: string;
  /** Matched against the warning events, the status message and the log tail. */
  readonly pattern: RegExp;
  explain(ctx: CauseContext): string;
  next(ctx: CauseContext): string;
}

/** Most specific first: an out-of-memory kill or a missing model also ends in a crash loop. */
export const CAUSES: readonly CauseRule[] = [
  {
    id: 'out-of-memory',
    title: 'out of memory',
    pattern:
      /OOMKilled|out of memory|OutOfMemoryError|CUDA error: out of memory|not enough (?:GPU )?memory/i,
    explain: (c) =>
      `The model does not fit in the GPU memory${c.memoryNumbers ? `: ${c.memoryNumbers}` : ` of ${c.instanceType ?? 'the instance type'}`}.`,
    next: (c) =>
      `Redeploy on ${c.largerType ?? 'a type with more GPU memory (or several GPUs and `--tensor-parallel-size N`)'}, or use a quantized build of the model (AWQ/GPTQ int4).`,
  },
  {
    id: 'image-pull',
    title: 'the image could not be pulled',
    pattern:
      /ImagePullBackOff|ErrImagePull|Failed to pull image|pull access denied|manifest unknown/i,
    explain: (c) => `EAS could not pull \`${c.image}\`.`,
    next: () =>
      "Check the image URI and tag exist in this region's registry (official images use the `eas-registry-vpc.<region>` address) and that EAS may read a private repository; pick the image from the form's list to be sure.",
  },
  {
    id: 'model-not-found',
    title: 'the model path was not found',
    pattern:
      /model path .*(?:not exist|not found)|ModelNotFound|No such file or directory|does not appear to have a file named|(?:oss|nas) path .*not exist|FailedMount/i,
    explain: (c) =>
      `The server found no model at ${c.mountPath ? `\`${c.mountPath}\`` : 'the model path'}${c.modelPath ? ` (mounted from \`${c.modelPath}\`)` : ''}.`,
    next: (c) =>
      `Check that ${c.modelPath ? `\`${c.modelPath}\`` : 'the OSS/NAS path'} exists in this region and holds the model files (config.json, weights), and that the start command reads the mount path${c.mountPath ? ` \`${c.mountPath}\`` : ''}.`,
  },
  {
    id: 'health-check-port',
    title: 'the health check fails on the wrong port',
    pattern:
      /Readiness probe failed|Liveness probe failed|Startup probe failed|health ?check (?:failed|timeout)|\bUnhealthy\b/i,
    explain: (c) =>
      c.listeningPort && c.listeningPort !== c.port
        ? `EAS checks port ${c.port}, but the server listens on port ${c.listeningPort}.`
        : `EAS checks port ${c.port} and nothing answers there.`,
    next: (c) =>
      c.listeningPort && c.listeningPort !== c.port
        ? `Redeploy with port ${c.listeningPort}, or change the start command to \`--port ${c.port}\`.`
        : `Make the server listen on 0.0.0.0:${c.port} (the start command's \`--port\`), or redeploy with the port it uses.`,
  },
  {
    id: 'out-of-stock',
    title: 'no capacity (out of stock or quota)',
    pattern:
      /InsufficientResources|Insufficient (?:gpu|cpu|memory)|NoStock|out of stock|no enough resource|Quota(?:Exceeded)?|exceeds? (?:the )?quota/i,
    explain: (c) =>
      `EAS could not find capacity for ${c.instanceType ?? 'the instance type'} (out of stock, or over the account's quota).`,
    next: () =>
      'Pick another instance type with stock (the form shows stock), another region, or a dedicated resource group; for a quota, ask for an increase in the quota center.',
  },
  {
    id: 'crash-loop',
    title: 'the container keeps crashing',
    pattern:
      /CrashLoopBackOff|Back-off restarting failed container|Instance crashed|exited with (?:exit )?code [1-9]|Traceback \(most recent call last\)/i,
    explain: () => 'The container starts and exits again; the log below shows how it ended.',
    next: () =>
      'Read the last log lines: the last error is usually the cause. Fix the start command or the image and redeploy.',
  },
];
