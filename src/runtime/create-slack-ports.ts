import type { Queue } from 'bullmq';
import type { CliRunner } from '../aliyun/cli-runner.js';
import { fetchAccessToken, lookupServiceStatus } from '../deploy/lookup-service.js';
import type { Logger } from '../logger.js';
import type { DeploymentRecords } from '../queue/deployment-records.js';
import type { FitConfirmations } from '../queue/fit-confirmations.js';
import type { DeployJobData } from '../queue/job-data.js';
import type { NameReservations } from '../queue/name-reservations.js';
import type { SubmissionLock } from '../queue/submission-lock.js';
import { submitDeployment } from '../queue/submit-deployment.js';
import type { SlackPorts } from '../slack/ports.js';
import { createCliCatalog } from './cli-catalog.js';
import { createFitPort } from './create-fit-port.js';

export interface SlackPortDeps {
  readonly queue: Queue<DeployJobData>;
  readonly reservations: NameReservations;
  readonly records: DeploymentRecords;
  readonly cli: CliRunner;
  /** Present: the submission checks the model fits the instance type's GPUs. */
  readonly fitConfirmations?: FitConfirmations;
  /** A replica holds the submission (WAIT); see submitDeployment. */
  readonly confirmReplicated?: () => Promise<boolean>;
  readonly lock?: SubmissionLock;
  readonly logger: Logger;
}

/** Implements the Slack listeners' ports with the queue, the records and the CLI. */
export function createSlackPorts(deps: SlackPortDeps): SlackPorts {
  const { cli, records } = deps;
  const catalog = createCliCatalog(cli, {
    onStaleRefreshError: (err) =>
      deps.logger.warn({ err }, 'catalog refresh failed; old list kept'),
  });
  return {
    submitter: { submit: (request, abandoned) => submitDeployment(deps, request, abandoned) },
    catalog,
    ...(deps.fitConfirmations ? { fit: createFitPort(catalog, deps.fitConfirmations) } : {}),
    status: {
      async describe(serviceName, region, userId) {
        const caller = { purpose: 'status', ...(userId ? { userId } : {}) };
        const answer = await lookupServiceStatus(cli, region, serviceName, 'status', caller);
        if (!answer.ok) return { ok: false, message: answer.message, notFound: answer.notFound };
        const { reason, message, runningInstances, totalInstances } = answer;
        return {
          ok: true,
          status: {
            serviceName,
            region,
            status: answer.status,
            ...(reason ? { reason } : {}),
            ...(message ? { message } : {}),
            ...(runningInstances !== undefined ? { runningInstances } : {}),
            ...(totalInstances !== undefined ? { totalInstances } : {}),
            endpoints: answer.endpoints.map((e) => ({
              ...(e.internet ? { internet: e.internet } : {}),
              ...(e.intranet ? { intranet: e.intranet } : {}),
            })),
          },
        };
      },
      async fetchToken(deploymentId, userId) {
        const record = await records.get(deploymentId);
        if (!record)
          return { ok: false, message: 'That deployment is no longer known to the bot.' };
        const caller = { deploymentId, purpose: 'token', ...(userId ? { userId } : {}) };
        const answer = await fetchAccessToken(
          cli,
          record.region,
          record.serviceName,
          deploymentId,
          caller,
        );
        return answer.ok
          ? { ok: true, serviceName: record.serviceName, token: answer.accessToken }
          : { ok: false, message: answer.message };
      },
    },
    history: {
      listRecent: ({ limit, ...filter }) => records.recent(filter, limit),
      get: (deploymentId) => records.get(deploymentId),
    },
  };
}
