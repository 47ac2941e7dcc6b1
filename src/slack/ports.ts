import type { ServiceStatusView } from '../../blocks/answers.js';
import type { ImageChoice, InstanceChoice } from '../../blocks/select-options.js';
import type { DeploymentRecord } from '../queue/deployment-records.js';
import type { SubmitAnswer, SubmitRequest } from '../queue/submit-deployment.js';

/** Turns a valid request into a queued deployment (BullMQ in production); `abandoned`: see submitDeployment. */
export interface DeploySubmitter {
  submit(request: SubmitRequest, abandoned?: AbortSignal): Promise<SubmitAnswer>;
}

/** Options for the modal's searchable selects, per region; cached by the implementation. */
export interface CatalogPort {
  listImages(region: string): Promise<readonly ImageChoice[]>;
  listInstanceTypes(region: string): Promise<readonly InstanceChoice[]>;
  /** The region's ENABLED workspaces (cached); called after views.open, never before it. */
  listWorkspaces(region: string): Promise<readonly { id: string; name: string }[]>;
  /** Workspaces already known without a CLI call (cache only); undefined when none cached. */
  peekWorkspaces(region?: string): readonly { id: string; name: string }[] | undefined;
  /** The start command of an image when the catalog knows it (cache only). */
  peekImageCommand(region: string, image: string): string | undefined;
}

export type StatusAnswer =
  | { ok: true; status: ServiceStatusView }
  | { ok: false; message: string; notFound?: boolean };

export type TokenAnswer =
  | { ok: true; serviceName: string; token: string }
  | { ok: false; message: string };

/** One describe-service per call; and the token of a finished deployment, fetched on request. */
export interface StatusPort {
  describe(serviceName: string, region: string): Promise<StatusAnswer>;
  fetchToken(deploymentId: string): Promise<TokenAnswer>;
}

/** Recent deployments by person and region, and one by id with its requester. */
export interface HistoryPort {
  listRecent(filter: {
    userId?: string;
    region?: string;
    limit: number;
  }): Promise<readonly DeploymentRecord[]>;
  get(deploymentId: string): Promise<DeploymentRecord | undefined>;
}

/** Everything the listeners call out to. */
export interface SlackPorts {
  readonly submitter: DeploySubmitter;
  readonly catalog: CatalogPort;
  readonly status: StatusPort;
  readonly history: HistoryPort;
}
