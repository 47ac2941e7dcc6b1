import { createHash, randomBytes } from 'node:crypto';
import type { SimService } from './sim-state.js';
import type { SimWorld } from './world-schema.js';

/** A stable `eas-m-…` id from region and name, so the same world always yields the same ids. */
export function makeServiceId(region: string, name: string, salt = ''): string {
  const hash = createHash('sha256').update(`${region}/${name}/${salt}`).digest('hex');
  return `eas-m-${hash.slice(0, 14)}`;
}

/** A fresh AccessToken as EAS issues them (base64 text). */
export function makeAccessToken(): string {
  return randomBytes(30).toString('base64');
}

/** The services a world starts with, long since created. */
export function buildInitialServices(world: SimWorld): SimService[] {
  return Object.entries(world.regions).flatMap(([region, r]) =>
    r.services.map((s) => ({
      name: s.name,
      region,
      serviceId: makeServiceId(region, s.name),
      accessToken: makeAccessToken(),
      image: s.image,
      instanceType: s.instanceType,
      config: {
        metadata: { name: s.name, instance: 1 },
        containers: [{ image: s.image, port: 8000 }],
        cloud: { computing: { instance_type: s.instanceType } },
      },
      labels: s.labels,
      ...(s.workspaceId ? { workspaceId: s.workspaceId } : {}),
      createdAt: Date.parse('2026-01-15T09:30:00Z'),
      fixedStatus: s.status,
    })),
  );
}
