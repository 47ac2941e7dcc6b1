import { flatEndpoints } from './service-endpoints.js';
import { computePhase } from './service-lifecycle.js';
import type { SimService } from './sim-state.js';
import type { SimWorld } from './world-schema.js';

/** The flat Service object of DescribeService / ListServices, as of `now`. */
export function showService(
  service: SimService,
  world: SimWorld,
  now: number,
): Record<string, unknown> {
  const phase = computePhase(service, world, now);
  const spec = world.regions[service.region]?.instanceSpecs.find(
    (s) => s.InstanceType === service.instanceType,
  );
  const metadata = (service.config.metadata ?? {}) as { instance?: number };
  const total = typeof metadata.instance === 'number' ? metadata.instance : 1;
  const created = new Date(service.createdAt).toISOString();
  const running = phase.status === 'Running';
  const stopped = phase.status === 'Stopped';
  return {
    ServiceName: service.name,
    ServiceId: service.serviceId,
    ServiceUid: service.serviceId,
    Status: phase.status,
    Reason: phase.reason,
    Message: phase.message,
    Region: service.region,
    ...flatEndpoints(service, world),
    AccessToken: service.accessToken,
    Image: service.image,
    Cpu: spec?.CPU ?? 0,
    Gpu: spec?.GPUAmount ?? 0,
    Memory: Math.round((spec?.Memory ?? 0) * 1000),
    TotalInstance: total,
    RunningInstance: running ? total : 0,
    PendingInstance: running || stopped ? 0 : total,
    CurrentVersion: service.currentVersion ?? 1,
    LatestVersion: service.versions?.length ?? 1,
    Labels: Object.entries(service.labels).map(([LabelKey, LabelValue]) => ({
      LabelKey,
      LabelValue,
    })),
    ServiceConfig: JSON.stringify(service.config),
    WorkspaceId: service.workspaceId ?? '',
    CallerUid: world.accountId,
    ParentUid: world.accountId,
    CreateTime: created,
    UpdateTime: new Date(service.updatedAt ?? service.createdAt).toISOString(),
  };
}
