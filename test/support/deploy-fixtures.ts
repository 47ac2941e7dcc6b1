import { DeploySpec, type DeploySpecInput } from '../../src/deploy/deploy-spec.js';
import type { EngineOutcome } from '../../src/deploy/engine-context.js';
import { emptyJournal } from '../../src/deploy/journal.js';

/** A valid shared-gateway request, with overrides. */
export const aSpec = (overrides: Partial<DeploySpecInput> = {}): DeploySpec =>
  DeploySpec.parse({
    region: 'cn-hangzhou',
    serviceName: 'qwen_demo',
    image: 'eas-registry-vpc.cn-hangzhou.cr.aliyuncs.com/pai-eas/vllm:0.14.0-gpu',
    instanceType: 'ecs.gn7i-c16g1.4xlarge',
    ...overrides,
  });

/** A successful engine outcome carrying a token that must only reach the requester. */
export const aDeployedOutcome = (
  serviceName = 'qwen_demo',
  accessToken = 'TOKEN-abc123',
): EngineOutcome => ({
  result: {
    result: 'deployed',
    summary: {
      serviceName,
      serviceId: 'eas-m-abc',
      region: 'cn-hangzhou',
      status: 'Creating',
      endpoints: [
        {
          type: 'DefaultGateway',
          internet: 'http://1.cn-hangzhou.pai-eas.aliyuncs.com/api/predict/x',
          intranet: null,
          port: null,
        },
      ],
      port: 8000,
      curlExamples: ['curl http://… -H "Authorization: <AccessToken>"'],
      notes: [],
    },
  },
  journal: { ...emptyJournal(), createAttempted: true, serviceId: 'eas-m-abc' },
  accessToken,
});
