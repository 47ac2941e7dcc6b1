import { describe, expect, it } from 'vitest';
import { buildImageOptions, buildInstanceOptions } from '../../blocks/select-options.js';
import { IMAGES, INSTANCES } from './fixtures.js';

describe('image options', () => {
  it('offers a URI typed in the search box as a custom image', () => {
    const options = buildImageOptions(IMAGES, 'my.registry/team/model:1');
    expect(options[0]).toMatchObject({
      value: 'my.registry/team/model:1',
      text: { text: 'Custom image: my.registry/team/model:1' },
    });
  });

  it('finds images by label and never offers more than 100', () => {
    expect(buildImageOptions(IMAGES, 'vllm').map((o) => o.value)).toEqual([IMAGES[0]?.uri]);
    expect(buildImageOptions(IMAGES, '')).toHaveLength(100);
  });

  it('leaves out an image whose URI is longer than an option value may be, never cutting it', () => {
    const long = `registry.example.com/${'team/'.repeat(30)}model:1`;
    const images = [...IMAGES.slice(0, 3), { uri: long, label: 'model:1' }];
    const options = buildImageOptions(images, '');
    expect(options.map((o) => o.value)).not.toContain(long);
    expect(options.every((o) => images.some((i) => i.uri === o.value))).toBe(true);
    // Typed into the box it is not offered cut short either: the person's text is the value.
    expect(buildImageOptions(images, long).map((o) => o.value)).toEqual([]);
  });
});

describe('instance type options', () => {
  it('lists GPU types first, showing GPU model, count, memory and stock', () => {
    const options = buildInstanceOptions(INSTANCES, '');
    expect(options.map((o) => o.value)).toEqual([
      'ecs.gn7i-c16g1.4xlarge',
      'ml.gu8xf.8xlarge-gu108',
      'ecs.g6.xlarge',
    ]);
    expect(options[0]?.text.text).toBe(
      'ecs.gn7i-c16g1.4xlarge · 1× NVIDIA A10 24 GB · 16 vCPU 60 GB · in stock',
    );
    expect(options.every((o) => o.text.text.length <= 75)).toBe(true);
  });
});
