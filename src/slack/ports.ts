import type { ServiceStatusView } from '../../blocks/answers.js';
import type { ImageChoice, InstanceChoice } from '../../blocks/select-options.js';
import type { DeploySpec } from '../deploy/deploy-spec.js';
import type { ServiceLine } from '../lifecycle/describe-service-line.js';
import type { LifecycleRequest } from '../lifecycle/lifecycle-request.js';
import type { DeploymentRecord } from '../queue/deployment-records.js';
import type { SubmitAnswer, SubmitRequest } from '../queue/submission.js';

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
  /** The region's instance types when already loaded (cache only: never a CLI call). */
  peekInstanceTypes(region: string): readonly InstanceChoice[] | undefined;
  /**
   * Starts reading the region's images and instance types without waiting (once the form is open
   * or its region changed), so the person's first search finds them loaded or on their way.
   */
  warm(region: string): void;
}

export type StatusAnswer =
  | { ok: true; status: ServiceStatusView }
  | { ok: false; message: string; notFound?: boolean };

export type TokenAnswer =
  | { ok: true; serviceName: string; token: string }
  | { ok: false; message: string };

/** One describe-service per call; and the token of a finished deployment, fetched on request. */
export interface StatusPort {
  /** `userId`: who asked, named in the audit entry of the call. */
  describe(serviceName: string, region: string, userId?: string): Promise<StatusAnswer>;
  fetchToken(deploymentId: string, userId?: string): Promise<TokenAnswer>;
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

export type LifecycleSubmitAnswer = { ok: true; opId: string } | { ok: false; message: string };

/** The services the bot made, as the cloud's labels tell (for `list` and App Home). */
export interface ServiceListing {
  readonly lines: readonly ServiceLine[];
  /** Regions that did not answer: the list says it is partial. */
  readonly problems: readonly string[];
  /** What the running ones cost per hour in all (price table). */
  readonly total?: { amount: string };
}

/** Queues lifecycle operations and reads the bot's services from the cloud. */
export interface LifecyclePort {
  /** `idParts` make one request one job: a retried delivery of the same click queues once. */
  submit(
    request: LifecycleRequest,
    actor: { userId: string; channelId: string },
    idParts: readonly string[],
  ): Promise<LifecycleSubmitAnswer>;
  listServices(filter: { region?: string; owner?: string }): Promise<ServiceListing>;
}

/** The model-fit check before create: a warning the person sees once per form and choice, then may override. */
export interface FitPort {
  /** The warning to show on the instance type field, or undefined (fits, unknown, or already seen). */
  warn(request: { spec: DeploySpec; viewId: string }): Promise<string | undefined>;
}

/** Everything the listeners call out to. */
export interface SlackPorts {
  readonly submitter: DeploySubmitter;
  readonly catalog: CatalogPort;
  readonly status: StatusPort;
  readonly history: HistoryPort;
  /** Absent where lifecycle is not wired (some listener tests). */
  readonly lifecycle?: LifecyclePort;
  /** Absent: no fit check (tests of other listeners, or no catalog). */
  readonly fit?: FitPort;
}
