import type { types } from '@slack/bolt';
import type { SlackMessage } from './progress-message.js';
import { context, escapeMrkdwn, section, truncate } from './text.js';

/** The serving check's verdict (ServingVerdict of src/serving/read-probe-result.ts). */
export interface ServingView {
  readonly serving: boolean;
  /** `Serving — <model> answered in N ms` / `Not serving — <status or error>`. */
  readonly line: string;
  readonly modelId?: string;
}

/** A diagnosis (Diagnosis of src/serving/diagnose-service.ts); every text already redacted. */
export interface DiagnosisView {
  readonly line: string;
  readonly why: string;
  readonly next: string;
  readonly events: readonly string[];
  readonly logTail: readonly string[];
}

const fence = (lines: readonly string[], max: number): string =>
  `\`\`\`${truncate(lines.join('\n'), max)}\`\`\``;

/**
 * The serving line, starting with `Serving` or `Not serving` (CONTRACT.md); when the model id the
 * server reported is not the one the summary's curl guessed, the corrected curl.
 */
export function buildServingMessage(view: ServingView, curl?: string): SlackMessage {
  const blocks: types.KnownBlock[] = [section(escapeMrkdwn(view.line))];
  if (view.serving && curl) {
    blocks.push(
      section(
        `The server names its model \`${escapeMrkdwn(view.modelId ?? '')}\`, not the summary's guess; try it with this curl (your token was sent to you privately):\n${fence([curl], 900)}`,
      ),
    );
  }
  if (!view.serving) {
    blocks.push(
      context(
        'The service is Running in EAS but its endpoint did not answer the check. Press *Refresh status* to read it again, or open it in the PAI-EAS console.',
      ),
    );
  }
  return { text: view.line, blocks };
}

/** Why a service is not serving: the cause, the next step, the warning events and the log tail. */
export function buildDiagnosisMessage(view: DiagnosisView): SlackMessage {
  const blocks: types.KnownBlock[] = [
    section(escapeMrkdwn(view.line)),
    section(`*Why:* ${escapeMrkdwn(view.why)}\n*Next:* ${escapeMrkdwn(view.next)}`),
  ];
  if (view.events.length > 0) {
    blocks.push(section(`*Warning events*\n${fence(view.events, 2800)}`));
  }
  if (view.logTail.length > 0) {
    blocks.push(
      section(
        `*Last ${view.logTail.length} log lines* (secrets removed)\n${fence(view.logTail, 2700)}`,
      ),
    );
  }
  if (view.events.length === 0 && view.logTail.length === 0) {
    blocks.push(context('The cloud reported no warning events and no log lines for this service.'));
  }
  return { text: view.line, blocks };
}
