import { randomUUID } from 'node:crypto';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { buildInitialServices } from './service-record.js';
import type { SimState } from './sim-state.js';

/** Reads the world (the file, or the built-in demo) and validates it; only runs when the state is new. */
async function loadWorld(worldPath: string | undefined): Promise<SimState['world']> {
  // zod and the demo world are loaded lazily: most calls find a state file and never need them.
  const { SimWorld } = await import('./world-schema.js');
  const raw = worldPath
    ? JSON.parse(await readFile(worldPath, 'utf8'))
    : (await import('./demo-world.js')).buildDemoWorld();
  const parsed = SimWorld.safeParse(raw);
  if (!parsed.success) {
    throw new Error(
      `ALIYUN_SIM_WORLD ${worldPath ?? '(demo)'} is not a valid world: ${parsed.error.message}`,
    );
  }
  return parsed.data;
}

/** Reads the state file, creating it from the world on first use. */
export async function loadState(
  statePath: string,
  worldPath: string | undefined,
): Promise<SimState> {
  const text = await readFile(statePath, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  // The state file is only ever written by saveState below, so its shape is trusted.
  if (text !== undefined) return JSON.parse(text) as SimState;
  const world = await loadWorld(worldPath);
  return { version: 1, world, services: buildInitialServices(world), faultCounts: {} };
}

/** Writes the state atomically: a temp file beside it, then rename, so readers never see half a file. */
export async function saveState(statePath: string, state: SimState): Promise<void> {
  const tempPath = `${statePath}.${process.pid}.${randomUUID()}.tmp`;
  await writeFile(tempPath, JSON.stringify(state));
  await rename(tempPath, statePath);
}
