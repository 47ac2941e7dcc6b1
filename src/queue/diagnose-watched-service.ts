import { type CallDeps, callCli } from '../aliyun/call-cli.js';
import { listInstanceSpecs } from '../aliyun/catalog.js';
import type { CallTarget } from '../aliyun/commands.js';
import { describeServiceEventArgs, describeServiceLogArgs } from '../aliyun/commands.js';
import {
  DescribeServiceEventResponse,
  DescribeServiceLogResponse,
} from '../aliyun/diagnosis-schemas.js';
import type { Service } from '../aliyun/schemas.js';
import { checkModelFit, describeSuggestion } from '../serving/check-model-fit.js';
import { type Diagnosis, diagnoseService } from '../serving/diagnose-service.js';
import { estimateModelSize } from '../serving/estimate-model-size.js';
import type { CauseContext } from '../serving/failure-causes.js';
import { redactEvidence } from '../serving/redact-evidence.js';
import type { WatchJobData } from './watch-job-data.js';

/** The newest log lines: the first page, and the last one when there are several (oldest-first order assumed). */
async function readLogLines(deps: CallDeps, t: CallTarget, name: string): Promise<string[]> {
  const first = await callCli(deps, describeServiceLogArgs(t, name), DescribeServiceLogResponse);
  if (!first.ok) return [];
  const lines = first.data.Logs ?? [];
  const pages = first.data.TotalPageNum ?? 1;
  if (pages <= 1) return lines;
  const last = await callCli(
    deps,
    describeServiceLogArgs(t, name, pages),
    DescribeServiceLogResponse,
  );
  return last.ok ? [...lines, ...(last.data.Logs ?? [])] : lines;
}

/** "qwen2.5-72b needs about 144 GB …" and a larger type, read from describe-machine-spec (OOM only). */
async function readMemoryNumbers(deps: CallDeps, t: CallTarget, data: WatchJobData) {
  const model = estimateModelSize({
    command: data.command,
    modelPath: data.modelPath,
    image: data.image,
  });
  if (!model || !data.instanceType) return {};
  const specs = await listInstanceSpecs(deps, t);
  if (!specs.ok) return {};
  const shapes = specs.data.map((m) => ({
    instanceType: m.InstanceType,
    gpuCount: m.GPUAmount,
    gpuMemoryGb: m.GPUMemory,
    usable: m.IsAvailable && m.StockStatus === 'WithStock',
  }));
  const gpu = shapes.find((s) => s.instanceType === data.instanceType);
  const fit = gpu ? checkModelFit(model, gpu, shapes) : undefined;
  if (!fit || !gpu) return {};
  const memoryNumbers = `${model.model} needs about ${model.weightsGb} GB for its weights; ${gpu.instanceType} has ${gpu.gpuCount} × ${gpu.gpuMemoryGb} GB of GPU memory`;
  return {
    memoryNumbers,
    ...(!fit.fits && fit.suggestion ? { largerType: describeSuggestion(fit.suggestion) } : {}),
  };
}

/**
 * Failed, stuck, or failed after create: the warning events, the log tail (redacted, with the
 * service's own token removed by value) and the cause with the next step.
 */
export async function diagnoseWatchedService(
  deps: CallDeps,
  t: CallTarget,
  data: WatchJobData,
  found: { status: string; stuck: boolean; waitedMs: number; service?: Service },
): Promise<Diagnosis> {
  const [events, logLines] = await Promise.all([
    callCli(deps, describeServiceEventArgs(t, data.serviceName), DescribeServiceEventResponse),
    readLogLines(deps, t, data.serviceName),
  ]);
  const token = found.service?.AccessToken;
  const text = (x: unknown) => (typeof x === 'string' && x.length > 0 ? x : undefined);
  const statusMessage = [text(found.service?.Reason), text(found.service?.Message)]
    .filter(Boolean)
    .join(': ');
  const evidence = redactEvidence(
    {
      events: events.ok ? (events.data.Events ?? []) : [],
      logLines,
      ...(statusMessage ? { statusMessage } : {}),
    },
    token ? [token] : [],
  );
  const context: Omit<CauseContext, 'listeningPort'> = {
    serviceName: data.serviceName,
    port: data.port,
    image: data.image,
    ...(data.instanceType ? { instanceType: data.instanceType } : {}),
    ...(data.modelPath ? { modelPath: data.modelPath } : {}),
    ...(data.mountPath ? { mountPath: data.mountPath } : {}),
  };
  const input = {
    ...evidence,
    status: found.status,
    stuck: found.stuck,
    waitedMs: found.waitedMs,
    ...(data.failedStep ? { failedStep: data.failedStep } : {}),
  };
  const first = diagnoseService(input, context);
  if (first.cause !== 'out-of-memory') return first;
  return diagnoseService(input, { ...context, ...(await readMemoryNumbers(deps, t, data)) });
}
