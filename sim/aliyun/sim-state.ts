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
