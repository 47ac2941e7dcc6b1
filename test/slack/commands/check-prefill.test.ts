import { describe, expect, it } from 'vitest';
import {
  checkPrefill,
  checkPrefillWorkspace,
} from '../../../src/slack/listeners/commands/check-prefill.js';

const REGIONS = ['cn-hangzhou', 'cn-shanghai'];

describe('checking a /eas-deploy pre-fill against what the form can hold', () => {
  it('keeps every value the form can show, text fields as typed', () => {
    const given = {
      region: 'cn-shanghai',
      service_name: 'Not_Valid-Yet',
      replicas: '2',
      port: '9000',
      network: 'nlb',
      dry_run: 'true',
      command: 'python app.py --port 9000',
    };
    expect(checkPrefill(given, REGIONS)).toEqual({ prefill: given, dropped: [] });
  });

  it('leaves out a region the bot does not offer and says which ones it does', () => {
    expect(checkPrefill({ region: 'cn-nowhere', service_name: 'a_b_c' }, REGIONS)).toEqual({
      prefill: { service_name: 'a_b_c' },
      dropped: [
        {
          field: 'region',
          value: 'cn-nowhere',
          why: 'Region must be one of the regions this bot offers (cn-hangzhou, cn-shanghai), for example cn-hangzhou.',
        },
      ],
    });
  });

  it('leaves out numbers outside their bounds and choices that are not one, naming each rule', () => {
    const { prefill, dropped } = checkPrefill(
      { replicas: '-3', port: '8080', autoscale_max: '5000', network: 'mesh', dry_run: 'yes' },
      REGIONS,
    );
    expect(prefill).toEqual({});
    expect(dropped.map((d) => [d.field, d.value, d.why])).toEqual([
      ['replicas', '-3', 'Replicas must be a whole number from 1 to 100, for example 1.'],
      [
        'port',
        '8080',
        'Port must be a whole number from 1 to 65535 other than 8080 (EAS keeps 8080 for itself), for example 8000.',
      ],
      [
        'autoscale_max',
        '5000',
        'Autoscaling max must be a whole number from 1 to 1000, set together with Autoscaling min, for example 4.',
      ],
      ['network', 'mesh', 'Network must be shared, gateway or nlb, for example shared.'],
      ['dry_run', 'yes', 'Dry run must be true or false, for example true.'],
    ]);
  });

  it('names a pre-filled workspace that is not one of the region’s, once they are known', () => {
    const workspaces = [
      { id: '91001', name: 'research' },
      { id: '91002', name: 'production' },
    ];
    const prefill = { region: 'cn-shanghai', workspace: '12345' };
    expect(checkPrefillWorkspace(prefill, workspaces)).toEqual({
      field: 'workspace',
      value: '12345',
      why: 'Workspace must be one of the workspaces of cn-shanghai: research (91001), production (91002), for example 91001.',
    });
    expect(checkPrefillWorkspace({ ...prefill, workspace: '91002' }, workspaces)).toBeUndefined();
    // Unknown (the listing failed or found none): nothing to say yet.
    expect(checkPrefillWorkspace(prefill, [])).toBeUndefined();
  });
});
