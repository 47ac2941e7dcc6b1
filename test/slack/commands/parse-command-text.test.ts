import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCommandText } from '../../../src/slack/listeners/commands/parse-command-text.js';

describe('reading /eas-deploy text', () => {
  it('opens an empty modal for empty text', () => {
    expect(parseCommandText('  ')).toEqual({ kind: 'open', prefill: {} });
  });

  it('reads key=value pairs, quoted values keeping their spaces', () => {
    expect(
      parseCommandText('region=cn-beijing command="vllm serve /model_dir" dry_run=true'),
    ).toEqual({
      kind: 'open',
      prefill: { region: 'cn-beijing', command: 'vllm serve /model_dir', dry_run: 'true' },
    });
  });

  it('reads status and list with an optional region', () => {
    expect(parseCommandText('status qwen_demo')).toEqual({
      kind: 'status',
      serviceName: 'qwen_demo',
    });
    expect(parseCommandText('status qwen_demo cn-hangzhou')).toEqual({
      kind: 'status',
      serviceName: 'qwen_demo',
      region: 'cn-hangzhou',
    });
    expect(parseCommandText('list')).toEqual({ kind: 'list' });
    expect(parseCommandText('list nowhere!')).toMatchObject({ kind: 'invalid' });
  });

  it('refuses unknown keys by name', () => {
    expect(parseCommandText('password=x')).toEqual({
      kind: 'invalid',
      message: 'I do not know the key "password".',
    });
  });

  it('never throws, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 3000 }), (text) => {
        expect(['open', 'help', 'status', 'list', 'invalid']).toContain(
          parseCommandText(text).kind,
        );
      }),
    );
  });
});
