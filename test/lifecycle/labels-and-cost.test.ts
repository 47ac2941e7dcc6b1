import { describe, expect, it } from 'vitest';
import { LifecycleService } from '../../src/aliyun/lifecycle-schemas.js';
import {
  botLabelFilter,
  buildServiceLabels,
  readBotLabels,
  relabelExpiry,
} from '../../src/lifecycle/bot-labels.js';
import { describeServiceLine, totalHourly } from '../../src/lifecycle/describe-service-line.js';
import { describeCost, formatMoney, parsePriceTable } from '../../src/lifecycle/price-table.js';

const NOW = Date.parse('2026-05-01T10:00:00Z');
const labels = buildServiceLabels({
  deploymentId: 'd-abc123',
  owner: 'U0OWNER',
  channel: 'C0DEPLOY',
  expiresAt: '2026-05-02T10:00:00Z',
});
const asListed = Object.entries(labels).map(([LabelKey, LabelValue]) => ({ LabelKey, LabelValue }));
const TABLE = { currency: 'USD', hourly: { 'ecs.gn7i-c16g1.4xlarge': 1.2 } };

describe("the bot's labels", () => {
  it('carry the contract’s four keys and the one the list filters on', () => {
    expect(labels).toEqual({
      'eas-deploy.request-id': 'd-abc123',
      'eas-deploy.owner': 'U0OWNER',
      'eas-deploy.expires-at': '2026-05-02T10:00:00Z',
      'eas-deploy.channel': 'C0DEPLOY',
      'eas-deploy.managed-by': 'eas-deploy',
    });
    expect(botLabelFilter('U0OWNER')).toEqual({
      'eas-deploy.managed-by': 'eas-deploy',
      'eas-deploy.owner': 'U0OWNER',
    });
  });

  it('are read back from ListServices’ [{LabelKey, LabelValue}], and rewritten whole with a new expiry', () => {
    const read = readBotLabels(asListed);
    expect(read).toMatchObject({ requestId: 'd-abc123', owner: 'U0OWNER', channel: 'C0DEPLOY' });
    expect(read?.expiresAt).toEqual({ never: false, at: Date.parse('2026-05-02T10:00:00Z') });
    expect(relabelExpiry(read ?? ({} as never), 'never')).toEqual({
      ...labels,
      'eas-deploy.expires-at': 'never',
    });
  });

  it('are missing on a service without the request id or the owner', () => {
    expect(readBotLabels([{ LabelKey: 'team', LabelValue: 'llm' }])).toBeUndefined();
    expect(
      readBotLabels(asListed.filter((l) => l.LabelKey !== 'eas-deploy.owner')),
    ).toBeUndefined();
    expect(readBotLabels(null)).toBeUndefined();
  });
});

describe('cost from the price table', () => {
  it('reads the operator’s table and names what is wrong with a bad one', () => {
    expect(parsePriceTable(JSON.stringify(TABLE))).toEqual({ ok: true, table: TABLE });
    expect(parsePriceTable('{"currency":"usd","hourly":{}}')).toMatchObject({
      ok: false,
      message: expect.stringContaining('currency'),
    });
    expect(parsePriceTable('not json')).toEqual({ ok: false, message: 'is not JSON' });
  });

  it('prices per hour and until expiry, and says so when it never expires', () => {
    const at = { never: false as const, at: NOW + 24 * 3_600_000 };
    const cost = describeCost(TABLE, {
      instanceType: 'ecs.gn7i-c16g1.4xlarge',
      replicas: 2,
      expiresAt: at,
      now: NOW,
    });
    expect(cost).toBe('about USD 2.40/h, USD 57.60 until expiry');
    expect(
      describeCost(TABLE, {
        instanceType: 'ecs.gn7i-c16g1.4xlarge',
        replicas: 1,
        expiresAt: { never: true },
        now: NOW,
      }),
    ).toBe('about USD 1.20/h, with no end (it never expires)');
    expect(
      describeCost(TABLE, { instanceType: 'ecs.unknown', replicas: 1, now: NOW }),
    ).toBeUndefined();
    expect(
      describeCost(undefined, { instanceType: 'ecs.gn7i-c16g1.4xlarge', replicas: 1, now: NOW }),
    ).toBeUndefined();
    expect(formatMoney(0.0042, 'USD')).toBe('USD 0.0042');
  });

  it('totals what the running services cost, a stopped one costing nothing', () => {
    const config = JSON.stringify({
      cloud: { computing: { instance_type: 'ecs.gn7i-c16g1.4xlarge' } },
    });
    const line = (Status: string) =>
      describeServiceLine(
        {
          region: 'cn-hangzhou',
          labels: readBotLabels(asListed) ?? ({} as never),
          service: LifecycleService.parse({
            ServiceName: 'qwen_demo',
            Status,
            TotalInstance: 1,
            ServiceConfig: config,
          }),
        },
        TABLE,
        NOW,
      );
    expect(line('Running')).toMatchObject({
      expiry: 'expires 2026-05-02 10:00 UTC (in 1d)',
      cost: 'about USD 1.20/h, USD 28.80 until expiry',
      hourly: 1.2,
    });
    expect(line('Stopped')).toMatchObject({ running: false, hourly: 0 });
    expect(totalHourly([line('Running'), line('Running'), line('Stopped')])).toBeCloseTo(2.4);
  });
});
