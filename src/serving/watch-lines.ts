/** The parent message's status line during the serving watch, in the checklist's marks (⏳ ✓ ✗ –). */

/** Minutes past a minute, else seconds: `30m`, `45s`. */
export function formatDuration(ms: number): string {
  return ms >= 60_000 ? `${Math.round(ms / 60_000)}m` : `${Math.max(1, Math.round(ms / 1000))}s`;
}

/** While the service comes up: its status and how long the bot keeps watching. */
export function buildWatchingLine(status: string, maxMs: number): string {
  return `⏳ Status: ${status} · the bot is watching until it runs (up to ${formatDuration(maxMs)}); the answer will be in the thread`;
}

/** The watch's last word on the parent: the serving line, or the diagnosis's headline. */
export function buildFinalLine(serving: boolean, line: string): string {
  return `${serving ? '✓' : '✗'} ${line} · details in the thread`;
}

/** The service was stopped or deleted while it was watched. */
export function buildEndedLine(status: string): string {
  return `– Status: ${status} · the bot stopped watching`;
}
