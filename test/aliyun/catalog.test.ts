import { describe, expect, it } from 'vitest';
import { listInstanceSpecs, listOfficialImages } from '../../src/aliyun/catalog.js';
import { createScriptedCli, fixture, flagValue } from '../support/scripted-cli.js';

describe('catalog for the modal', () => {
  it('pages through the official images', async () => {
    const cli = createScriptedCli([
      {
        prefix: ['aiworkspace', 'list-images'],
        replies: [
          { stdout: fixture('list-images.page-1-of-2.json') },
          { stdout: fixture('list-images.page-2-of-2.json') },
        ],
      },
    ]);
    const images = await listOfficialImages({ cli }, { region: 'cn-hangzhou', userAgent: 'ua' });
    expect(images.ok && images.data).toHaveLength(56);
    expect(cli.calls.map((c) => flagValue(c, '--page-number'))).toEqual(['1', '2']);
  });

  it('lists the instance types with GPU and stock', async () => {
    const cli = createScriptedCli([
      {
        prefix: ['eas', 'describe-machine-spec'],
        replies: [{ stdout: fixture('describe-machine-spec.hangzhou.json') }],
      },
    ]);
    const specs = await listInstanceSpecs({ cli }, { region: 'cn-hangzhou', userAgent: 'ua' });
    if (!specs.ok) throw new Error('failed');
    expect(specs.data[0]).toMatchObject({
      InstanceType: 'ecs.gn7i-c16g1.4xlarge',
      GPUAmount: 1,
      StockStatus: 'WithStock',
    });
  });
});
