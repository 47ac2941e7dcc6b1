import type { types } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { buildDeployModal } from '../../blocks/deploy-modal.js';
import type { Prefill } from '../../blocks/ids.js';

const blockIds = (view: { blocks: { block_id?: string }[] }) =>
  view.blocks.map((b) => b.block_id).filter(Boolean);

describe('the deploy modal', () => {
  it('has callback eas_deploy, the channel in private_metadata and block_id == action_id', () => {
    const view = buildDeployModal({ prefill: {}, channelId: 'C0DEPLOY', regions: ['cn-hangzhou'] });
    expect(view.callback_id).toBe('eas_deploy');
    expect(JSON.parse(view.private_metadata ?? '')).toEqual({ channelId: 'C0DEPLOY' });
    for (const block of view.blocks) {
      if ('element' in block) expect(block.element.action_id).toBe(block.block_id);
    }
    expect(blockIds(view)).toEqual([
      'region',
      'service_name',
      'image',
      'instance_type',
      'replicas',
      'port',
      'command',
      'oss_path',
      'network',
      'resource_group',
      'autoscale_min',
      'autoscale_max',
      'ttl',
      'dry_run',
    ]);
  });

  it('asks for a workspace only when there are several', () => {
    const one = buildDeployModal({
      prefill: {},
      channelId: 'C1',
      regions: ['r'],
      workspaces: [{ id: 'w1', name: 'a' }],
    });
    const two = buildDeployModal({
      prefill: {},
      channelId: 'C1',
      regions: ['r'],
      workspaces: [
        { id: 'w1', name: 'a' },
        { id: 'w2', name: 'b' },
      ],
    });
    expect(blockIds(one)).not.toContain('workspace');
    expect(blockIds(two)).toContain('workspace');
  });

  it('reveals the gateway field only in dedicated-gateway mode', () => {
    expect(
      blockIds(
        buildDeployModal({ prefill: {}, channelId: 'C1', regions: ['r'], networkMode: 'gateway' }),
      ),
    ).toContain('gateway');
    expect(
      blockIds(
        buildDeployModal({ prefill: {}, channelId: 'C1', regions: ['r'], networkMode: 'nlb' }),
      ),
    ).not.toContain('gateway');
  });

  it('starts with one replica on port 8000 and the pre-filled values', () => {
    const view = buildDeployModal({
      prefill: { region: 'cn-hangzhou', service_name: 'qwen_demo', image: 'vllm' },
      channelId: 'C1',
      regions: ['cn-hangzhou', 'cn-beijing'],
    });
    const json = JSON.stringify(view);
    expect(json).toContain('"initial_value":"1"');
    expect(json).toContain('"initial_value":"8000"');
    expect(json).toContain('"initial_value":"qwen_demo"');
    const region = view.blocks.find((b) => b.block_id === 'region');
    expect(region).toMatchObject({ element: { initial_option: { value: 'cn-hangzhou' } } });
  });

  it('gives the number inputs Block Kit bounds, so Slack refuses an out-of-range number first', () => {
    const view = buildDeployModal({ prefill: {}, channelId: 'C1', regions: ['r'] });
    const bounds = Object.fromEntries(
      view.blocks.flatMap((b) => {
        const element = (b as types.InputBlock).element;
        return element?.type === 'number_input'
          ? [[b.block_id, [element.min_value, element.max_value]]]
          : [];
      }),
    );
    expect(bounds).toEqual({
      replicas: ['1', '100'],
      port: ['1', '65535'],
      autoscale_min: ['0', '1000'],
      autoscale_max: ['1', '1000'],
    });
  });

  it('starts a number input at its default when the pre-fill breaks the bounds', () => {
    const view = buildDeployModal({
      prefill: { replicas: '-3', port: '70000', autoscale_min: '2' },
      channelId: 'C1',
      regions: ['r'],
    });
    const initial = (id: string) => {
      const element = (view.blocks.find((b) => b.block_id === id) as types.InputBlock).element;
      return element.type === 'number_input' ? element.initial_value : 'not a number input';
    };
    expect([initial('replicas'), initial('port'), initial('autoscale_min')]).toEqual([
      '1',
      '8000',
      '2',
    ]);
  });

  it('names each pre-fill value it left out above the fields, with why', () => {
    const view = buildDeployModal({
      prefill: { service_name: 'qwen_x' },
      channelId: 'C1',
      regions: ['cn-hangzhou'],
      dropped: [
        {
          field: 'replicas',
          value: '-3',
          why: 'Replicas must be a whole number from 1 to 100, for example 1.',
        },
        {
          field: 'region',
          value: 'cn-<nowhere>',
          why: 'Region must be one of the regions this bot offers (cn-hangzhou), for example cn-hangzhou.',
        },
      ],
    });
    expect(view.blocks[0]).toEqual({
      type: 'context',
      elements: [
        {
          type: 'mrkdwn',
          text: ':warning: *Left out of the form:*\n• `replicas=-3` — Replicas must be a whole number from 1 to 100, for example 1.\n• `region=cn-&lt;nowhere&gt;` — Region must be one of the regions this bot offers (cn-hangzhou), for example cn-hangzhou.',
        },
      ],
    });
    const plain = buildDeployModal({ prefill: {}, channelId: 'C1', regions: ['r'] });
    expect(plain.blocks[0]?.type).toBe('input');
  });
});

describe('the ttl field', () => {
  const ttlBlock = (prefill: Prefill, defaultTtl?: string) => {
    const view = buildDeployModal({
      prefill,
      channelId: 'C1',
      regions: ['cn-hangzhou'],
      ...(defaultTtl ? { defaultTtl } : {}),
    });
    const block = view.blocks.find((b) => b.block_id === 'ttl') as types.InputBlock;
    return block.element as types.StaticSelect;
  };

  it('offers 4h, 1d, 3d, 7d and never, starting at the default', () => {
    const select = ttlBlock({}, '3d');
    expect(select.action_id).toBe('ttl');
    expect(select.options?.map((o) => o.value)).toEqual(['3d', '4h', '1d', '7d', 'never']);
    expect(select.initial_option?.value).toBe('3d');
  });

  it('adds any pre-filled duration as an option and starts there', () => {
    const select = ttlBlock({ ttl: '20s' }, '1d');
    expect(select.initial_option).toMatchObject({ value: '20s', text: { text: '20s' } });
    expect(select.options?.map((o) => o.value)).toContain('never');
  });

  it('ignores a pre-fill that is not a duration and starts at the default', () => {
    expect(ttlBlock({ ttl: 'forever' }, '1d').initial_option?.value).toBe('1d');
  });
});
