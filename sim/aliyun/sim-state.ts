import type { SimFailure, SimWorld } from './world-schema.js';

/** One service as the simulator keeps it; its status is computed from `createdAt` on every read. */
export interface SimService {
  name: string;
  region: string;
  serviceId: string;
  accessToken: string;
  image: string;
  instanceType: string;
  config: Record<string, unknown>;
  labels: Record<string, string>;
  workspaceId?: string;
  createdAt: number;
  /** A world's existing service keeps this status forever. */
  fixedStatus?: string;
  failure?: SimFailure['reason'];
  /** The last lifecycle call and when it was made; the status is computed from it (no daemon). */
  change?: SimChange;
  /** Every version of the service config; version 1 is the one created. */
  versions?: SimVersion[];
  currentVersion?: number;
  updatedAt?: number;
}

/** A lifecycle call's effect: `Stopping` then `Stopped`, `Deleting` then gone, the rest then `Running`. */
export interface SimChange {
  kind: 'stop' | 'start' | 'restart' | 'scale' | 'update' | 'delete';
  at: number;
}

/** One entry of ListServiceVersions; `ImageId` is the version number UpdateServiceVersion takes. */
export interface SimVersion {
  version: number;
  config: Record<string, unknown>;
  image: string;
  builtAt: number;
}

/** One recorded call: the argv without secrets and how it ended. */
export interface SimCall {
  at: string;
  argv: string[];
  exitCode: number;
}

/** Everything kept between calls, in the ALIYUN_SIM_STATE file (the call log sits beside it). */
export interface SimState {
  version: 1;
  world: SimWorld;
  services: SimService[];
  /** Matching calls seen so far per fault, so "the first N calls" holds across processes. */
  faultCounts: Record<string, number>;
}
