import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../../sim/aliyun/parse-args.js';

describe('parseArgs', () => {
  it('reads product and operation wherever the flags are', () => {
    expect(
      parseArgs(['--quiet', 'eas', '--region', 'cn-hangzhou', 'list-services', '--force']),
    ).toEqual({
      product: 'eas',
      operation: 'list-services',
      flags: { quiet: 'true', region: 'cn-hangzhou', force: 'true' },
      extra: [],
    });
  });

  it('takes --flag=value and keeps JSON values whole', () => {
    const parsed = parseArgs([
      'eas',
      'create-service',
      '--biz-body={"a":"b=c"}',
      '--labels',
      'k=v,a=b',
    ]);
    expect(parsed.flags).toEqual({ 'biz-body': '{"a":"b=c"}', labels: 'k=v,a=b' });
  });
});
