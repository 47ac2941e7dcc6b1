import { z } from 'zod';

const PrivateMetadata = z.object({
  channelId: z.string().regex(/^[CGD][A-Z0-9]+$/),
  /** Set by "Redeploy with these settings": that name is taken, a new one is required. */
  redeployOf: z.string().max(64).optional(),
});
export type PrivateMetadata = z.infer<typeof PrivateMetadata>;

/** The channel the modal was opened from, or undefined when the metadata is missing or forged. */
export function readPrivateMetadata(raw: string | undefined): PrivateMetadata | undefined {
  if (!raw) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return undefined; // Not ours: treat as absent.
  }
  const parsed = PrivateMetadata.safeParse(json);
  return parsed.success ? parsed.data : undefined;
}
