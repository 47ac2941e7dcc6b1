// biome-ignore-all format: one argv per line reads like the command a person would type
import { type CallTarget, describeServiceArgs } from './commands.js';

/**
 * Argv builders of the serving check's two reads (aliyun-cli-facts.md, Lifecycle table; the plugin
 * forms of aliyun-openapi-meta `metadatas/eas/DescribeServiceEvent.json` and
 * `DescribeServiceLog.json`): both are single-service calls, like describe-service.
 */

/** The warning events of a service, newest page first asked for at the API's page size of 20. */
export const describeServiceEventArgs = (t: CallTarget, name: string): string[] => [
  ...withOperation(describeServiceArgs(t, name), 'describe-service-event'),
  '--event-type', 'Warning', '--page-num', '1', '--page-size', '20',
];

/** One page of the service's log (the API's default size is 500 lines; the order is unverified). */
export const describeServiceLogArgs = (t: CallTarget, name: string, page = 1): string[] => [
  ...withOperation(describeServiceArgs(t, name), 'describe-service-log'),
  '--page-num', String(page), '--page-size', String(LOG_PAGE_SIZE),
];

export const LOG_PAGE_SIZE = 500;

/** describe-service's argv with another operation: the same `--region`, `--cluster-id`, name and user agent. */
function withOperation(argv: readonly string[], operation: string): string[] {
  return argv.map((arg, i) => (i === 1 ? operation : arg));
}
