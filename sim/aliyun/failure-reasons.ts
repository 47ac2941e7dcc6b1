/**
 * The causes a simulated service can fail with (failure-causes.ts says how each looks). No zod
 * here: every simulator call loads this module, and zod is loaded only with a new world.
 */
export const SIM_FAILURE_REASONS = [
  'image-pull',
  'out-of-stock',
  'crash-loop',
  'out-of-memory',
  'wrong-port',
  'model-not-found',
] as const;
export type SimFailureReason = (typeof SIM_FAILURE_REASONS)[number];
