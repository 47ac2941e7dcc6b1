import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FIELD_RULES } from '../../../blocks/field-rules.js';
import { FIELD_IDS, type FieldId } from '../../../blocks/ids.js';
import { parseSubmission } from '../../../src/slack/listeners/views/parse-submission.js';
import { readStateValues } from '../../../src/slack/listeners/views/read-state-values.js';

const good = {
  region: 'cn-hangzhou',
  service_name: 'qwen_demo',
  image: 'vllm',
  instance_type: 'ecs.gn7i-c16g1.4xlarge',
};

describe('reading the modal', () => {
  it('accepts .value, .selected_option.value and selected_options alike', () => {
    const values = {
      region: { region: { type: 'static_select', selected_option: { value: 'cn-hangzhou' } } },
      service_name: { service_name: { type: 'plain_text_input', value: ' qwen_demo ' } },
      dry_run: { dry_run: { type: 'checkboxes', selected_options: [{ value: 'dry_run' }] } },
      port: { port: { type: 'number_input', value: null } },
    };
    expect(readStateValues(values)).toEqual({
      region: 'cn-hangzhou',
      service_name: 'qwen_demo',
      dry_run: 'true',
    });
  });

  it('turns good values into a spec with one replica on port 8000', () => {
    const parsed = parseSubmission(good);
    expect(parsed).toMatchObject({
      ok: true,
      spec: { serviceName: 'qwen_demo', replicas: 1, port: 8000, network: { mode: 'shared' } },
    });
  });

  it('puts each problem on its own field', () => {
    const parsed = parseSubmission({
      ...good,
      replicas: 'two',
      oss_path: 'bucket/x',
      network: 'gateway',
      gateway: 'gateway-1',
      autoscale_min: '5',
      autoscale_max: '2',
    });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(Object.keys(parsed.errors).sort()).toEqual([
      'autoscale_min',
      'gateway',
      'oss_path',
      'replicas',
    ]);
  });

  it('reads a nas:// path in the model path field as a NAS source', () => {
    const nas = 'nas://0a1b2c.cn-hangzhou.nas.aliyuncs.com/models/qwen/';
    const parsed = parseSubmission({ ...good, network: 'nlb', oss_path: nas });
    expect(parsed).toMatchObject({ ok: true, spec: { nasPath: nas } });
    expect(parsed.ok && parsed.spec.ossPath).toBeUndefined();
  });

  it('puts a NAS in another region, or on the shared gateway, on the model path field', () => {
    const otherRegion = parseSubmission({
      ...good,
      network: 'gateway',
      oss_path: 'nas://0a1b2c.cn-beijing.nas.aliyuncs.com/models/',
    });
    expect(otherRegion.ok ? [] : Object.keys(otherRegion.errors)).toEqual(['oss_path']);
    const shared = parseSubmission({
      ...good,
      oss_path: 'nas://0a1b2c.cn-hangzhou.nas.aliyuncs.com/',
    });
    expect(shared.ok ? [] : Object.keys(shared.errors)).toEqual(['oss_path']);
  });

  it('never throws, and refuses only contract fields, each in the same voice, whatever is typed', () => {
    const anyValues = fc.dictionary(fc.constantFrom(...FIELD_IDS), fc.string({ maxLength: 80 }));
    fc.assert(
      fc.property(anyValues, (values) => {
        const parsed = parseSubmission(values);
        if (parsed.ok) return;
        for (const [key, message] of Object.entries(parsed.errors)) {
          expect(FIELD_IDS).toContain(key);
          // One voice: "<the field's label> must be <rule>, for example <good value>."
          const label = FIELD_RULES[key as FieldId].label;
          expect(message).toMatch(new RegExp(`^${label} must be .+, for example .+\\.$`));
        }
      }),
    );
  });
});
