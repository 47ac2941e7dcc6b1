import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/** Job counts by BullMQ state (waiting, active, delayed, failed, …), read when /metrics is scraped. */
export type QueueDepthSource = () => Promise<Record<string, number>>;

/** The bot's metrics; one instance per process, rendered by GET /metrics. */
export interface Metrics {
  readonly registry: Registry;
  /** One finished deployment: deployed, dry-run, blocked or failed. */
  countDeployment(result: string): void;
  /** How long one gated step took, by its final status. */
  observeStep(step: string, status: string, seconds: number): void;
  /** One CLI error by its code (ServiceAlreadyExists, Throttling.User, timeout, plugin_missing, …). */
  countCliError(code: string): void;
  /** Time from enqueue to the worker picking the job up. */
  observeQueueWait(seconds: number): void;
  setQueueDepthSource(source: QueueDepthSource): void;
  render(): Promise<{ contentType: string; body: string }>;
}

/** Step calls span a describe (~0.3 s) to a create under throttling (minutes). */
const STEP_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300];
const WAIT_BUCKETS = [0.01, 0.05, 0.1, 0.5, 1, 5, 15, 30, 60, 300, 900];

/** Creates the metrics on a private Registry (never prom-client's global one), with process metrics. */
export function createMetrics(options: { prefix?: string } = {}): Metrics {
  const prefix = options.prefix ?? 'eas_deploy_';
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix });
  let depthSource: QueueDepthSource | undefined;

  const deployments = new Counter({
    name: `${prefix}deployments_total`,
    help: 'Finished deployments by result (deployed, dry-run, blocked, failed).',
    labelNames: ['result'],
    registers: [registry],
  });
  const stepDuration = new Histogram({
    name: `${prefix}step_duration_seconds`,
    help: 'Duration of each gated deployment step, by final status.',
    labelNames: ['step', 'status'],
    buckets: STEP_BUCKETS,
    registers: [registry],
  });
  const cliErrors = new Counter({
    name: `${prefix}cli_errors_total`,
    help: 'aliyun CLI calls that failed, by error code.',
    labelNames: ['code'],
    registers: [registry],
  });
  const queueWait = new Histogram({
    name: `${prefix}queue_wait_seconds`,
    help: 'Time a deployment job waited in the queue before a worker started it.',
    buckets: WAIT_BUCKETS,
    registers: [registry],
  });
  new Gauge({
    name: `${prefix}queue_depth`,
    help: 'Deployment jobs in the queue, by state.',
    labelNames: ['state'],
    registers: [registry],
    // Read on scrape so the number is Redis's, shared by every bot and worker process.
    async collect() {
      this.reset();
      if (!depthSource) return;
      // Redis down: no samples rather than a failed scrape; /healthz is what reports Redis.
      const counts = await depthSource().catch(() => undefined);
      for (const [state, count] of Object.entries(counts ?? {})) this.set({ state }, count);
    },
  });

  return {
    registry,
    countDeployment: (result) => deployments.inc({ result }),
    observeStep: (step, status, seconds) => stepDuration.observe({ step, status }, seconds),
    countCliError: (code) => cliErrors.inc({ code }),
    observeQueueWait: (seconds) => queueWait.observe(Math.max(0, seconds)),
    setQueueDepthSource: (source) => {
      depthSource = source;
    },
    render: async () => ({ contentType: registry.contentType, body: await registry.metrics() }),
  };
}
