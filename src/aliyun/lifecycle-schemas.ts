import { z } from 'zod';
import { Service } from './schemas.js';

/**
 * The Service fields the lifecycle reads (G `service_model.go`): instance counts, versions, the
 * GPU count per instance, the config (its instance type) and the update time. Loose, as the rest.
 */
export const LifecycleService = Service.extend({
  TotalInstance: z.coerce.number().int().nullish(),
  RunningInstance: z.coerce.number().int().nullish(),
  CurrentVersion: z.coerce.number().int().nullish(),
  LatestVersion: z.coerce.number().int().nullish(),
  Gpu: z.coerce.number().nullish(),
  ServiceConfig: z.string().nullish(),
  UpdateTime: z.string().nullish(),
  CreateTime: z.string().nullish(),
});
export type LifecycleService = z.infer<typeof LifecycleService>;

export const ListLifecycleServicesResponse = z
  .object({
    Services: z.array(LifecycleService).nullish(),
    TotalCount: z.coerce.number().int().nullish(),
  })
  .loose();

/** ListServiceVersions: no version-number field; `ImageId` is the number UpdateServiceVersion takes. */
export const ServiceVersion = z
  .object({
    ImageId: z.coerce.number().int(),
    BuildTime: z.string().nullish(),
    ImageAvailable: z.string().nullish(),
    ServiceRunnable: z.string().nullish(),
    Message: z.string().nullish(),
  })
  .loose();
export type ServiceVersion = z.infer<typeof ServiceVersion>;

export const ListServiceVersionsResponse = z
  .object({
    Versions: z.array(ServiceVersion).nullish(),
    TotalCount: z.coerce.number().int().nullish(),
  })
  .loose();

/** Stop/Start/Restart/Delete/Scale/UpdateServiceVersion/UpdateServiceLabel: `{RequestId, Message}`. */
export const LifecycleAnswer = z.object({ Message: z.string().nullish() }).loose();
export type LifecycleAnswer = z.infer<typeof LifecycleAnswer>;

/** The instance type a service runs on, read from its ServiceConfig JSON (cloud.computing). */
export function readInstanceType(service: LifecycleService): string | undefined {
  try {
    const config = JSON.parse(service.ServiceConfig ?? '') as {
      cloud?: { computing?: { instance_type?: unknown; instances?: { type?: unknown }[] } };
    };
    const computing = config.cloud?.computing;
    const type = computing?.instance_type ?? computing?.instances?.[0]?.type;
    return typeof type === 'string' ? type : undefined;
  } catch {
    return undefined;
  }
}
