import { CAUSES, type CauseContext, type CauseId } from './failure-causes.js';

/** One warning event (DescribeServiceEvent `Events[]`: Type, Reason, Message, Time), already redacted. */
export interface ServiceEvent {
  readonly Type?: string | null;
  readonly Reason?: string | null;
  readonly Message?: string | null;
  readonly Time?: string | null;
}

/** What the watch found about a service that is not serving; every text is already redacted. */
export interface ServiceEvidence {
  /** The last status read (Failed, Waiting, …), or `Unknown` when describe-service did not answer. */
  readonly status: string;
  /** True when the service was still not Running at EAS_WATCH_MAX. */
  readonly stuck: boolean;
  readonly waitedMs: number;
  /** describe-service's Reason and Message (free text). */
  readonly statusMessage?: string;
  readonly events: readonly ServiceEvent[];
  /** The newest log lines, oldest first, at most 20. */
  readonly logTail: readonly string[];
  /** The deployment step that failed after create, when that is how it ended. */
  readonly failedStep?: { readonly step: string; readonly reason: string };
}

export interface Diagnosis {
  readonly cause: CauseId | 'unknown';
  /** `Not serving — Failed: out of memory`. */
  readonly line: string;
  readonly why: string;
  readonly next: string;
  /** `[Warning] Reason: Message`, oldest first. */
  readonly events: readonly string[];
  readonly logTail: readonly string[];
}

const MAX_EVENTS = 10;

/** `--port 8001`, `Uvicorn running on http://0.0.0.0:8001`, `listening on 0.0.0.0:8001`. */
const LISTEN =
  /(?:running on|listening on|listen(?:ing)? at|serving on)\s+(?:https?:\/\/)?[\w.[\]:-]*?:(\d{2,5})\b/i;

/** The port the log says the server listens on (the last such line wins). */
export function findListeningPort(lines: readonly string[]): number | undefined {
  for (const line of [...lines].reverse()) {
    const port = Number(LISTEN.exec(line)?.[1]);
    if (port > 0 && port < 65536) return port;
  }
  return undefined;
}

/** PyTorch's CUDA OOM message: "Tried to allocate 1.50 GiB. GPU 0 has a total capacity of 22.05 GiB …". */
function readLogMemory(lines: readonly string[]): string | undefined {
  const text = lines.join('\n');
  const total = /total capacity of ([\d.]+ ?[GM]i?B)/i.exec(text)?.[1];
  const asked = /Tried to allocate ([\d.]+ ?[GM]i?B)/i.exec(text)?.[1];
  if (!total) return undefined;
  return `the GPU has ${total} in all${asked ? ` and the server asked for ${asked} more` : ''}`;
}

const formatEvent = (e: ServiceEvent): string =>
  `[${e.Type ?? 'Warning'}] ${e.Reason ?? 'Event'}: ${e.Message ?? ''}`.trim();

function formatWait(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  return minutes >= 1 ? `${minutes}m` : `${Math.max(1, Math.round(ms / 1000))}s`;
}

/** Reads the warning events, status message and log tail into a cause and the next step; unknown causes say so. */
export function diagnoseService(
  evidence: ServiceEvidence,
  context: Omit<CauseContext, 'listeningPort'>,
): Diagnosis {
  const events = evidence.events
    .filter((e) => (e.Type ?? 'Warning') === 'Warning')
    .slice(-MAX_EVENTS);
  const eventLines = events.map(formatEvent);
  const text = [
    ...eventLines,
    evidence.statusMessage ?? '',
    evidence.failedStep?.reason ?? '',
    ...evidence.logTail,
  ].join('\n');
  const logMemory = context.memoryNumbers ? undefined : readLogMemory(evidence.logTail);
  const ctx: CauseContext = {
    ...context,
    ...withPort(findListeningPort(evidence.logTail)),
    ...(logMemory ? { memoryNumbers: logMemory } : {}),
  };
  const rule = CAUSES.find((c) => c.pattern.test(text));
  const state = evidence.stuck
    ? `still ${evidence.status} after ${formatWait(evidence.waitedMs)}`
    : evidence.status;
  if (rule) {
    return {
      cause: rule.id,
      line: `Not serving — ${state}: ${rule.title}`,
      why: rule.explain(ctx),
      next: rule.next(ctx),
      events: eventLines,
      logTail: evidence.logTail,
    };
  }
  const seen = eventLines.length + evidence.logTail.length > 0;
  return {
    cause: 'unknown',
    line: `Not serving — ${state}: cause not recognised`,
    why: seen
      ? 'The bot does not recognise this cause; the warning events and the log below are what the cloud reported.'
      : 'The bot does not recognise this cause, and the cloud reported no warning events and no log lines.',
    next: `Open the service in the PAI-EAS console (instances, events, logs); press *Refresh status* to read the status again.`,
    events: eventLines,
    logTail: evidence.logTail,
  };
}

const withPort = (port: number | undefined) => (port ? { listeningPort: port } : {});
