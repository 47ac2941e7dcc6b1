import { z } from 'zod';

/**
 * How a simulated service answers once Running (picked by service name or a substring of its
 * image, first match; none = `ok`): `ok` answers at once, `slow` after `delayMs`, `error` with
 * `status` (503 by default), `absent` closes the connection as a host with nothing behind it does.
 */
export const SimServingRule = z.object({
  service: z.string().optional(),
  image: z.string().optional(),
  mode: z.enum(['ok', 'slow', 'error', 'absent']).default('ok'),
  status: z.number().int().min(400).max(599).default(503),
  delayMs: z.number().int().nonnegative().default(1500),
  /** The id `/v1/models` reports; default: `--served-model-name`, else the model the command serves. */
  modelId: z.string().optional(),
});
export type SimServingRule = z.infer<typeof SimServingRule>;

/** `url`: the serving host's address (sim/aliyun/serving-host.ts); unset = endpoints on EAS's own hosts. */
export const SimServing = z.object({
  url: z.string().url().optional(),
  services: z.array(SimServingRule).default([]),
});
