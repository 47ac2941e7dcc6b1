import type { types } from '@slack/bolt';
import type { Prefill } from './ids.js';
import { FIELD, type NetworkModeId } from './ids.js';
import { staticSelect, textInput } from './modal-inputs.js';
import { option } from './text.js';

const NET_TYPES = [
  option('Intranet (inside the VPC)', 'intranet'),
  option('Internet (public address)', 'internet'),
];

/** NLB fields, all optional: whatever is left empty is found in the region. */
function nlbFields(prefill: Prefill): types.KnownBlock[] {
  return [
    textInput(FIELD.nlbId, 'NLB id', prefill, 'nlb-…, or empty for a system NLB (default).'),
    textInput(FIELD.vpcId, 'VPC id', prefill, 'vpc-…; empty: the region’s VPC is used.'),
    textInput(
      FIELD.vswitchIds,
      'vSwitch ids',
      prefill,
      'Comma-separated, at least two zones; empty: found for you.',
    ),
    textInput(FIELD.securityGroup, 'Security group id', prefill, 'sg-…; empty: found in the VPC.'),
    {
      ...staticSelect(FIELD.netType, 'NLB address', NET_TYPES, prefill.net_type ?? 'intranet'),
      optional: true,
    },
  ];
}

/** Only the fields the chosen network mode needs; block ids never change, so typed values survive. */
export function buildNetworkFields(mode: NetworkModeId, prefill: Prefill): types.KnownBlock[] {
  if (mode === 'gateway') {
    return [
      textInput(
        FIELD.gateway,
        'Dedicated gateway id',
        prefill,
        'gw-…; leave empty to use the only one in the region.',
      ),
    ];
  }
  if (mode === 'nlb') return nlbFields(prefill);
  return [];
}
