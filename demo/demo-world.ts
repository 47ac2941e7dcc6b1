import { buildDemoWorld, buildRegion } from '../sim/aliyun/demo-world.js';
import type { SimWorldInput } from '../sim/aliyun/world-schema.js';
import { DEFAULT_REGIONS } from '../src/slack/listener-deps.js';

/**
 * The demo's account: the simulator's demo world, plus every region the form offers (so any region
 * a person picks has images, GPU types, a network and one workspace), with services that come up
 * within seconds.
 */
export function buildLocalWorld(): SimWorldInput {
  const world = buildDemoWorld();
  const regions = { ...world.regions };
  DEFAULT_REGIONS.forEach((region, index) => {
    regions[region] ??= {
      ...buildRegion(region, region.replace(/[^a-z0-9]/g, '').slice(0, 8)),
      workspaces: [
        { WorkspaceId: String(60_001 + index), WorkspaceName: 'default', IsDefault: true },
      ],
    };
  });
  return { ...world, lifecycle: { creatingMs: 1_000, waitingMs: 2_000, invisibleMs: 0 }, regions };
}

/** The ids of a region's enabled workspaces in this world (the form asks for one when several). */
export function listEnabledWorkspaces(world: SimWorldInput, region: string): string[] {
  return (world.regions[region]?.workspaces ?? [])
    .filter((w) => (w.Status ?? 'ENABLED') === 'ENABLED')
    .map((w) => w.WorkspaceId);
}
