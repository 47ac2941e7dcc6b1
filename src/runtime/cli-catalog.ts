import type { ImageChoice, InstanceChoice } from '../../blocks/select-options.js';
import { listEnabledWorkspaces, listInstanceSpecs, listOfficialImages } from '../aliyun/catalog.js';
import type { CliRunner } from '../aliyun/cli-runner.js';
import { buildUserAgent } from '../aliyun/commands.js';
import type { Image, InstanceMeta } from '../aliyun/schemas.js';
import type { CatalogPort } from '../slack/ports.js';

const label = (image: Image, key: string) => image.Labels?.find((l) => l.Key === key)?.Value;

/** An image as the modal offers it: name and tag, and the image's own start command when it has one. */
export function toImageChoice(image: Image): ImageChoice {
  const tag = image.ImageUri.split('/').pop() ?? image.ImageUri;
  const command = label(image, 'system.eas.default.script');
  return { uri: image.ImageUri, label: tag, ...(command ? { command } : {}) };
}

/** An instance type as the modal offers it. */
export function toInstanceChoice(meta: InstanceMeta): InstanceChoice {
  return {
    instanceType: meta.InstanceType,
    ...(meta.GPU ? { gpuModel: meta.GPU } : {}),
    gpuCount: meta.GPUAmount,
    ...(meta.GPUMemory ? { gpuMemoryGb: meta.GPUMemory } : {}),
    cpu: meta.CPU,
    memoryGb: meta.Memory,
    stock: meta.IsAvailable ? meta.StockStatus : 'Unavailable',
  };
}

interface Entry<T> {
  readonly at: number;
  readonly value: Promise<readonly T[]>;
}

/**
 * The modal's image and instance-type options, read through the CLI and cached per region for a
 * short while (list-images pages and describe-machine-spec are slow, and Slack gives options 3 s).
 */
export function createCliCatalog(cli: CliRunner, ttlMs = 5 * 60_000, now = Date.now): CatalogPort {
  const images = new Map<string, Entry<ImageChoice>>();
  const specs = new Map<string, Entry<InstanceChoice>>();
  const settled = new Map<string, readonly ImageChoice[]>();
  const settledTypes = new Map<string, { at: number; types: readonly InstanceChoice[] }>();
  const workspaces = new Map<string, Entry<{ id: string; name: string }>>();
  const knownWorkspaces = new Map<string, readonly { id: string; name: string }[]>();
  const cached = <T>(
    cache: Map<string, Entry<T>>,
    region: string,
    load: () => Promise<readonly T[]>,
  ) => {
    const hit = cache.get(region);
    if (hit && now() - hit.at < ttlMs) return hit.value;
    // A failed load is not cached: the next keystroke asks again.
    const value = load().catch((error: unknown) => {
      cache.delete(region);
      throw error;
    });
    cache.set(region, { at: now(), value });
    return value;
  };
  const deps = { cli, caller: { purpose: 'catalog' } };
  const target = (region: string) => ({ region, userAgent: buildUserAgent('catalog') });
  return {
    listImages: (region) =>
      cached(images, region, async () => {
        const answer = await listOfficialImages(deps, target(region));
        if (!answer.ok) throw new Error(`list-images failed in ${region}`);
        const choices = answer.data.map(toImageChoice);
        settled.set(region, choices);
        return choices;
      }),
    listInstanceTypes: (region) =>
      cached(specs, region, async () => {
        const answer = await listInstanceSpecs(deps, target(region));
        if (!answer.ok) throw new Error(`describe-machine-spec failed in ${region}`);
        const types = answer.data.map(toInstanceChoice);
        settledTypes.set(region, { at: now(), types });
        return types;
      }),
    listWorkspaces: (region) =>
      cached(workspaces, region, async () => {
        const answer = await listEnabledWorkspaces(deps, target(region));
        if (!answer.ok) throw new Error(`list-workspaces failed in ${region}`);
        const list = answer.data.map((w) => ({ id: w.WorkspaceId, name: w.WorkspaceName }));
        knownWorkspaces.set(region, list);
        return list;
      }),
    peekWorkspaces: (region) => (region ? knownWorkspaces.get(region) : undefined),
    peekImageCommand: (region, image) => settled.get(region)?.find((c) => c.uri === image)?.command,
    peekInstanceTypes: (region) => {
      const known = settledTypes.get(region);
      // Stock changes: types older than the cache's own lifetime are not answered from memory.
      return known && now() - known.at < ttlMs ? known.types : undefined;
    },
  };
}
