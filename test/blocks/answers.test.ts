import { describe, expect, it } from 'vitest';
import { buildHelpMessage, buildStatusAnswer } from '../../blocks/answers.js';
import { readMessageText } from '../../sim/slack/render-conversation.js';

describe('the answer to /eas-deploy status', () => {
  it('shows the status, the instances running of the total, the cloud’s words and the endpoints', () => {
    const answer = buildStatusAnswer({
      serviceName: 'my_llm',
      region: 'cn-shanghai',
      status: 'Running',
      reason: 'RUNNING',
      message: 'Service start successfully',
      runningInstances: 2,
      totalInstances: 3,
      endpoints: [
        {
          internet: 'http://1.cn-shanghai.pai-eas.aliyuncs.com/api/predict/my_llm',
          intranet: 'http://1.vpc.cn-shanghai.pai-eas.aliyuncs.com/api/predict/my_llm',
        },
      ],
    });
    expect(answer.text).toBe('my_llm in cn-shanghai: Running');
    expect(readMessageText({ ...answer })).toBe(
      [
        '`my_llm` in cn-shanghai: *Running* · 2/3 instances running',
        'Service start successfully',
        '*Endpoints*',
        '• Internet: http://1.cn-shanghai.pai-eas.aliyuncs.com/api/predict/my_llm',
        '• Intranet: http://1.vpc.cn-shanghai.pai-eas.aliyuncs.com/api/predict/my_llm',
      ].join('\n'),
    );
  });

  it('says when the service has no endpoint yet, and shows the reason when there is no message', () => {
    const answer = buildStatusAnswer({
      serviceName: 'my_llm',
      region: 'cn-shanghai',
      status: 'Failed',
      reason: 'IMAGE_PULL_FAILED',
      runningInstances: 0,
      totalInstances: 1,
      endpoints: [{}],
    });
    expect(readMessageText({ ...answer })).toBe(
      [
        '`my_llm` in cn-shanghai: *Failed* · 0/1 instances running',
        'IMAGE_PULL_FAILED',
        'No endpoint yet.',
      ].join('\n'),
    );
  });
});

describe('the usage text', () => {
  it('escapes its <placeholders>, which Slack would otherwise read as links', () => {
    const shown = readMessageText({ ...buildHelpMessage() });
    expect(shown).toContain('/eas-deploy status &lt;service_name&gt; [region]');
    expect(shown).not.toMatch(/<service_name>/);
  });
});
