import { describe, expect, it } from 'vitest';
import { parseCommandText } from '../../../src/slack/listeners/commands/parse-command-text.js';

describe('the lifecycle subcommands', () => {
  it.each([
    ['stop qwen_demo', { action: 'stop', service: 'qwen_demo' }],
    [
      'start qwen_demo cn-shanghai',
      { action: 'start', service: 'qwen_demo', region: 'cn-shanghai' },
    ],
    ['restart qwen_demo', { action: 'restart', service: 'qwen_demo' }],
    [
      'delete qwen_demo cn-hangzhou',
      { action: 'delete', service: 'qwen_demo', region: 'cn-hangzhou' },
    ],
    ['scale qwen_demo 3', { action: 'scale', service: 'qwen_demo', replicas: 3 }],
    [
      'scale qwen_demo 0 cn-hangzhou',
      { action: 'scale', service: 'qwen_demo', replicas: 0, region: 'cn-hangzhou' },
    ],
    ['extend qwen_demo 2D', { action: 'extend', service: 'qwen_demo', duration: '2d' }],
    ['rollback qwen_demo', { action: 'rollback', service: 'qwen_demo' }],
    ['rollback qwen_demo 3', { action: 'rollback', service: 'qwen_demo', version: 3 }],
    [
      'rollback qwen_demo cn-beijing',
      { action: 'rollback', service: 'qwen_demo', region: 'cn-beijing' },
    ],
    [
      'Rollback qwen_demo 2 cn-beijing',
      { action: 'rollback', service: 'qwen_demo', version: 2, region: 'cn-beijing' },
    ],
  ])('reads "%s"', (text, request) => {
    expect(parseCommandText(text)).toEqual({ kind: 'lifecycle', request });
  });

  it.each([
    ['stop', 'Usage: /eas-deploy stop <service_name> [region]'],
    ['stop Qwen-Demo', '"Qwen-Demo" is not a service name'],
    ['scale qwen_demo many', 'Give the number of replicas (0 to 100).'],
    ['scale qwen_demo 500', 'Give the number of replicas (0 to 100).'],
    ['extend qwen_demo never', 'Give a duration like 4h, 1d or 30m.'],
    ['rollback qwen_demo 0', 'Versions start at 1.'],
    ['start qwen_demo hangzhou', '"hangzhou" is not a region id'],
    ['delete qwen_demo cn-hangzhou extra', 'Usage: /eas-deploy delete <service_name> [region]'],
  ])('answers "%s" with what is wrong and the usage', (text, message) => {
    const parsed = parseCommandText(text);
    expect(parsed.kind).toBe('invalid');
    expect(parsed.kind === 'invalid' ? parsed.message : '').toContain(message);
  });

  it('still reads the pre-fill, with any ttl', () => {
    expect(parseCommandText('service_name=qwen_demo ttl=20s')).toEqual({
      kind: 'open',
      prefill: { service_name: 'qwen_demo', ttl: '20s' },
    });
  });
});
