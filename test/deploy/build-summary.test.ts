import { describe, expect, it } from 'vitest';
import { buildSummary, type SummaryInput } from '../../src/deploy/build-summary.js';

const EP = 'http://1234.cn-hangzhou.pai-eas.aliyuncs.com/api/predict/sd_demo';

function buildInput(overrides: Partial<SummaryInput> = {}): SummaryInput {
  return {
    serviceName: 'sd_demo',
    serviceId: 'eas-m-1',
    region: 'cn-hangzhou',
    workspaceId: '12345',
    status: 'Waiting',
    port: 8000,
    mountPath: '/model_dir',
    endpoints: [
      { EndpointType: 'DefaultGateway', Port: 0, InternetEndpoints: [EP], IntranetEndpoints: [] },
    ],
    notes: [],
    ...overrides,
  };
}

describe('buildSummary', () => {
  it('keeps a missing address as null for the Slack side to explain', () => {
    const s = buildSummary(buildInput());
    expect(s.endpoints).toEqual([
      { type: 'DefaultGateway', internet: EP, intranet: null, port: null },
    ]);
  });

  it('gives ComfyUI a /prompt example', () => {
    const s = buildSummary(buildInput({ framework: 'comfyui' }));
    expect(s.curlExamples).toEqual([
      `curl -X POST ${EP}/prompt -H "Authorization: <AccessToken>" -H "Content-Type: application/json" -d '{"prompt": {}}'`,
    ]);
  });

  it('gives other images the endpoint itself', () => {
    const s = buildSummary(buildInput());
    expect(s.curlExamples).toEqual([`curl ${EP} -H "Authorization: <AccessToken>"`]);
  });

  it('gives vLLM an OpenAI-compatible chat example naming the mounted model', () => {
    const s = buildSummary(buildInput({ framework: 'vllm' }));
    expect(s.curlExamples[0]).toBe(
      `curl -X POST ${EP}/v1/chat/completions -H "Authorization: <AccessToken>" -H "Content-Type: application/json" -d '{"model":"/model_dir","messages":[{"role":"user","content":"Hello"}]}'`,
    );
  });

  it("falls back to describe-service's endpoints when the endpoint list is empty", () => {
    const s = buildSummary(
      buildInput({ endpoints: [], fallback: { internet: EP, intranet: null } }),
    );
    expect(s.endpoints).toEqual([
      { type: 'DefaultGateway', internet: EP, intranet: null, port: null },
    ]);
  });

  it('links the PAI console, without a workspace when there is none', () => {
    expect(buildSummary(buildInput({ workspaceId: undefined })).consoleUrl).toBe(
      'https://pai.console.aliyun.com/?regionId=cn-hangzhou#/eas/serviceDetail/sd_demo/detail',
    );
  });
});
