import { describe, expect, it } from 'vitest';
import { planProbe } from '../../src/serving/plan-probe.js';
import { readProbeResult } from '../../src/serving/read-probe-result.js';

const VLLM = 'eas-registry-vpc.cn-hangzhou.cr.aliyuncs.com/pai-eas/vllm:0.14.0-gpu';
const COMFY = 'eas-registry-vpc.cn-hangzhou.cr.aliyuncs.com/pai-eas/comfyui:1.9-gpu';
const SHARED = {
  EndpointType: 'DefaultGateway',
  InternetEndpoints: ['http://1.cn-hangzhou.pai-eas.aliyuncs.com/api/predict/qwen'],
  IntranetEndpoints: ['http://1.vpc.cn-hangzhou.pai-eas.aliyuncs.com/api/predict/qwen'],
};
// vLLM's answer to GET /v1/models (vllm/entrypoints/openai/protocol.py ModelList / ModelCard).
const MODEL_LIST = JSON.stringify({
  object: 'list',
  data: [
    {
      id: 'Qwen2.5-7B-Instruct',
      object: 'model',
      created: 1,
      owned_by: 'vllm',
      root: '/model_dir',
    },
  ],
});

describe('the serving check request', () => {
  it('asks an OpenAI-compatible server for /v1/models on the internet endpoint', () => {
    expect(planProbe({ serviceName: 'qwen', image: VLLM, endpoints: [SHARED] })).toEqual({
      endpoint: 'http://1.cn-hangzhou.pai-eas.aliyuncs.com/api/predict/qwen',
      url: 'http://1.cn-hangzhou.pai-eas.aliyuncs.com/api/predict/qwen/v1/models',
      path: '/v1/models',
      openAi: true,
      reach: 'internet',
    });
  });

  it('gets the endpoint itself for other images', () => {
    const plan = planProbe({ serviceName: 'qwen', image: COMFY, endpoints: [SHARED] });
    expect(plan?.url).toBe('http://1.cn-hangzhou.pai-eas.aliyuncs.com/api/predict/qwen');
  });

  it('uses the intranet address of an intranet-only NLB, with scheme and service path added', () => {
    const nlb = {
      EndpointType: 'Nlb',
      InternetEndpoints: [],
      IntranetEndpoints: ['nlb-x.cn-hangzhou.nlb.aliyuncsslb.com:8000'],
    };
    const plan = planProbe({ serviceName: 'qwen', image: VLLM, endpoints: [nlb] });
    expect(plan).toMatchObject({
      url: 'http://nlb-x.cn-hangzhou.nlb.aliyuncsslb.com:8000/api/predict/qwen/v1/models',
      reach: 'intranet',
    });
  });

  it('has nothing to call when the cloud gives no address', () => {
    expect(planProbe({ serviceName: 'qwen', image: VLLM, endpoints: [] })).toBeUndefined();
  });
});

describe('the serving line', () => {
  const plan = planProbe({ serviceName: 'qwen', image: VLLM, endpoints: [SHARED] });
  if (!plan) throw new Error('no plan');
  const answered = (status: number, body = '', statusText = '') =>
    ({ kind: 'answered', status, statusText, body, latencyMs: 42 }) as const;

  it('names the model the server listed and the latency', () => {
    expect(readProbeResult(plan, answered(200, MODEL_LIST), 10_000)).toMatchObject({
      serving: true,
      modelId: 'Qwen2.5-7B-Instruct',
      line: 'Serving — Qwen2.5-7B-Instruct answered in 42 ms',
    });
  });

  it('says Not serving with the HTTP status', () => {
    expect(readProbeResult(plan, answered(503, '', 'Service Unavailable'), 10_000).line).toBe(
      'Not serving — 503 Service Unavailable',
    );
  });

  it('says Not serving when no answer came within the timeout', () => {
    const line = readProbeResult(
      plan,
      { kind: 'no-answer', timedOut: true, error: 'aborted' },
      10_000,
    ).line;
    expect(line).toBe('Not serving — no answer within 10 s');
  });

  it('still counts a 200 without a model list as serving, and says so', () => {
    expect(readProbeResult(plan, answered(200, '<html>'), 10_000).line).toBe(
      'Serving — /v1/models answered 200 in 42 ms, without a model list',
    );
  });
});
