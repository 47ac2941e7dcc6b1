/**
 * The EAS status values (aliyun-cli-facts.md, "Status values", from P `_service.py`) grouped by
 * what they mean for a person's bill and for the lifecycle actions.
 */
export const STOPPED_STATUSES: ReadonlySet<string> = new Set(['Stopped', 'Stopping']);
export const GONE_STATUSES: ReadonlySet<string> = new Set(['Deleting', 'Deleted', 'DeleteFailed']);
/** A change is under way: a second change waits for it (the cloud refuses overlapping updates). */
export const BUSY_STATUSES: ReadonlySet<string> = new Set([
  'Creating',
  'Deploying',
  'Starting',
  'Stopping',
  'Scaling',
  'Updating',
  'HotUpdate',
  'Deleting',
]);

/** True unless the service is stopped or going away: a Failed service may still hold its GPUs. */
export function isRunningLike(status: string): boolean {
  return !STOPPED_STATUSES.has(status) && !GONE_STATUSES.has(status);
}
