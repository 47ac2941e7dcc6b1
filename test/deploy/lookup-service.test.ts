import { describe, expect, it } from 'vitest';
import { fetchAccessToken, lookupServiceStatus } from '../../src/deploy/lookup-service.js';
import { createScriptedCli, failWith, fixture, textFixture } from '../support/scripted-cli.js';

describe('lookupServiceStatus', () => {
  it('answers with one describe-service: status, instances and endpoints, no token', async () => {
    const cli = createScriptedCli([
      {
        prefix: ['eas', 'describe-service'],
        replies: [{ stdout: fixture('describe-service.ours-creating.json') }],
      },
    ]);
    const status = await lookupServiceStatus(cli, 'cn-hangzhou', 'qwen_demo', 'status-1');
    expect(status).toMatchObject({
      ok: true,
      serviceName: 'qwen_demo',
      status: 'Creating',
      runningInstances: 0,
      totalInstances: 1,
      endpoints: [
        {
          internet: 'http://1234.cn-hangzhou.pai-eas.aliyuncs.com/api/predict/qwen_demo',
          intranet: 'http://1234.vpc.cn-hangzhou.pai-eas.aliyuncs.com/api/predict/qwen_demo',
        },
      ],
    });
    expect(JSON.stringify(status)).not.toContain('SECRETTOKEN');
    expect(cli.calls).toHaveLength(1);
  });

  it('says plainly when there is no such service', async () => {
    const cli = createScriptedCli([
      { prefix: ['eas'], replies: [failWith(textFixture('describe-service.not-found.txt'))] },
    ]);
    expect(await lookupServiceStatus(cli, 'cn-hangzhou', 'nope_1', 'status-1')).toEqual({
      ok: false,
      notFound: true,
      message: 'There is no service named nope_1 in cn-hangzhou.',
    });
  });
});

describe('fetchAccessToken', () => {
  it('reads the token from describe-service-endpoints', async () => {
    const cli = createScriptedCli([
      { prefix: ['eas'], replies: [{ stdout: fixture('describe-service-endpoints.shared.json') }] },
    ]);
    expect(await fetchAccessToken(cli, 'cn-hangzhou', 'qwen_demo', 'dep-1')).toEqual({
      ok: true,
      accessToken: 'Nzc5N2FhSECRETTOKEN==',
    });
  });
});
