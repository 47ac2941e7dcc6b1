import type { SlackMessage } from '../../blocks/progress-message.js';
import { buildDiagnosisMessage, buildServingMessage } from '../../blocks/serving-message.js';
import type { ServingReport } from '../queue/deployment-reporter.js';

/** The thread reply of the serving watch: the serving line (with the corrected curl) or the diagnosis. */
export function buildServingReportMessage(report: ServingReport): SlackMessage {
  return report.kind === 'probe'
    ? buildServingMessage(report.verdict, report.curl)
    : buildDiagnosisMessage(report.diagnosis);
}
