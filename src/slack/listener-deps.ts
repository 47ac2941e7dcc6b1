import type { AccessRules } from './check-access.js';
import type { SlackPorts } from './ports.js';

/** What every listener needs: the ports, the region list and the allow-lists. */
export interface ListenerDeps {
  readonly ports: SlackPorts;
  readonly regions: readonly string[];
  readonly access: AccessRules;
  /** How long a submission or an options load waits for its port before answering without it (< 3 s). */
  readonly submitBudgetMs: number;
}

/** Regions offered in the modal when none are configured. */
export const DEFAULT_REGIONS: readonly string[] = [
  'cn-hangzhou',
  'cn-shanghai',
  'cn-beijing',
  'cn-shenzhen',
  'cn-wulanchabu',
  'cn-hongkong',
  'ap-southeast-1',
  'ap-northeast-1',
  'us-west-1',
  'us-east-1',
  'eu-central-1',
];
