import type { Queue } from 'bullmq';
import type { CliRunner } from '../aliyun/cli-runner.js';
import { fetchAccessToken, lookupServiceStatus } from '../deploy/lookup-service.js';
import type { Logger } from '../logger.js';
import type { DeploymentRecords } from '../queue/deployment-records.js';
import type { DeployJobData } from '../queue/job-data.js';
import type { NameReservations } from '../queue/name-reservations.js';
import { submitDeployment } from '../queue/submit-deployment.js';
import type { SlackPorts } from '../slack/ports.js';
import { createCliCatalog } from './cli-catalog.js';

export interface SlackPortDeps {
  readonly queue: Queue<DeployJobData>;
  readonly reservations: NameReservations;
  readonly records: DeploymentRecords;
  readonly cli: CliRunner;
  readonly logger: Logger;
}

/** Implements the Slack listeners' ports with the queue, the records and the CLI. */
export function createSlackPorts(deps: SlackPortDeps): SlackPorts {
  const { cli, records } = deps;
  return {
    submitter: { submit: (request, abandoned) => submitDeployment(deps, request, abandoned) },
    catalog: createCliCatalog(cli, {
      onStaleRefreshError: (err) =>
        deps.logger.warn({ err }, 'catalog refresh failed; old list kept'),
    }),
    status: {
      async describe(serviceName, region) {
        const answer = await lookupServiceStatus(cli, region, serviceName, 'status');
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
      async fetchToken(deploymentId) {
        const record = await records.get(deploymentId);
        if (!record)
          return { ok: false, message: 'That deployment is no longer known to the bot.' };
        const answer = await fetchAccessToken(cli, record.region, record.serviceName, deploymentId);
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
