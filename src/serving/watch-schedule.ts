/**
 * When the status watch describes the service: a back-off from the summary on, bounded by
 * EAS_WATCH_MAX. Times are offsets from the watch's start, so a late run never adds a check.
 */
export interface WatchSchedule {
  /** The first check, after the summary (ms). */
  readonly firstMs: number;
  /** The longest gap between two checks (ms). */
  readonly capMs: number;
  /** EAS_WATCH_MAX: the last check is at this offset (ms). */
  readonly maxMs: number;
}

/** The offset of check number `index` (0-based): first, then gaps doubling up to the cap, never past max. */
export function checkOffset(schedule: WatchSchedule, index: number): number {
  let offset = schedule.firstMs;
  let gap = schedule.firstMs;
  for (let i = 0; i < index && offset < schedule.maxMs; i += 1) {
    gap = Math.min(gap * 2, schedule.capMs);
    offset += gap;
  }
  return Math.min(offset, schedule.maxMs);
}

/** How many describe-service calls the whole watch may make: one per scheduled check. */
export function countAllowedChecks(schedule: WatchSchedule): number {
  let count = 1;
  while (checkOffset(schedule, count - 1) < schedule.maxMs) count += 1;
  return count;
}

/** Whether check number `index` is the last one the schedule allows. */
export function isLastCheck(schedule: WatchSchedule, index: number): boolean {
  return checkOffset(schedule, index) >= schedule.maxMs;
}
