import { crashedMessage, portOf, type SimFailureReason } from './failure-causes.js';
import type { SimService } from './sim-state.js';

/**
 * What a simulated container logged (DescribeServiceLog `Logs[]`, oldest first): vLLM's start-up
 * (vllm-project/vllm api_server and Uvicorn lines), then how it ended. Every log that got as far as
 * the entrypoint leaks the service token in a debug line, as careless images do, so tests can prove
 * that a token in the log never reaches Slack.
 */
function startLines(s: SimService, port: number): string[] {
  return [
    ...Array.from(
      { length: 10 },
      (_, i) => `INFO 03-05 07:59:${40 + i} [sidecar] waiting for the model mount (${i + 1}/10)`,
    ),
    'INFO 03-05 08:00:01 [__init__.py:239] Automatically detected platform cuda.',
    'INFO 03-05 08:00:03 [api_server.py:1043] vLLM API server version 0.14.0',
    `INFO 03-05 08:00:03 [api_server.py:1044] args: Namespace(model='/model_dir', host='0.0.0.0', port=${port})`,
    `DEBUG 03-05 08:00:03 [entrypoint.sh] eas env: EAS_SERVICE_NAME=${s.name} EAS_TOKEN=${s.accessToken}`,
    "INFO 03-05 08:00:09 [config.py:717] This model supports multiple tasks: {'generate'}. Defaulting to 'generate'.",
    'INFO 03-05 08:00:12 [model_runner.py:1110] Starting to load model /model_dir...',
  ];
}

function serverUp(port: number): string[] {
  return [
    'INFO 03-05 08:00:40 [gpu_worker.py:227] Available KV cache memory: 4.81 GiB',
    `INFO 03-05 08:00:41 [api_server.py:1090] Starting vLLM API server on http://0.0.0.0:${port}`,
    'INFO:     Started server process [1]',
    'INFO:     Waiting for application startup.',
    'INFO:     Application startup complete.',
    `INFO:     Uvicorn running on http://0.0.0.0:${port} (Press CTRL+C to quit)`,
  ];
}

const gib = (gb: number): string => ((gb * 1e9) / 2 ** 30).toFixed(2);

const ENDINGS: Record<SimFailureReason, (s: SimService, gpuMemoryGb: number) => string[]> = {
  'image-pull': () => [],
  'out-of-stock': () => [],
  'crash-loop': (s) => [
    ...startLines(s, portOf(s)),
    'Traceback (most recent call last):',
    '  File "/usr/local/lib/python3.12/site-packages/vllm/v1/engine/core.py", line 518, in run_engine_core',
    "RuntimeError: Engine core initialization failed. See root cause above. Failed core proc(s): {'EngineCore_0': 1}",
  ],
  'out-of-memory': (s, gpuMemoryGb) => [
    ...startLines(s, portOf(s)),
    'Loading safetensors checkpoint shards:  50% Completed | 15/30 [00:41<00:41,  2.77s/it]',
    `torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 1.50 GiB. GPU 0 has a total capacity of ${gib(gpuMemoryGb)} GiB of which 1.02 GiB is free.`,
    `ERROR 03-05 08:01:02 [core.py:387] ${crashedMessage(s)}`,
  ],
  'wrong-port': (s) => [...startLines(s, portOf(s) + 1), ...serverUp(portOf(s) + 1)],
  'model-not-found': (s) => [
    ...startLines(s, portOf(s)),
    "OSError: /model_dir does not appear to have a file named config.json. Checkout 'https://huggingface.co//model_dir/tree/None' for available files.",
    `ERROR 03-05 08:00:15 [core.py:387] ${crashedMessage(s)}`,
  ],
};

/** The log of a service in its current phase: nothing while creating, the start-up, or how it failed. */
export function serviceLogLines(
  s: SimService,
  phase: { status: string },
  gpuMemoryGb: number,
): string[] {
  if (phase.status === 'Creating') return [];
  if (s.failure) return ENDINGS[s.failure](s, gpuMemoryGb || 24);
  const lines = startLines(s, portOf(s));
  return phase.status === 'Running' ? [...lines, ...serverUp(portOf(s))] : lines;
}
