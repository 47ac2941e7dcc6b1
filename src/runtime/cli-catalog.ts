import { LRUCache } from 'lru-cache';
import type { ImageChoice, InstanceChoice } from '../../blocks/select-options.js';
import type { CallDeps, CallResult } from '../aliyun/call-cli.js';
import { listEnabledWorkspaces, listInstanceSpecs, listOfficialImages } from '../aliyun/catalog.js';
import type { CliRunner } from '../aliyun/cli-runner.js';
import { buildUserAgent, type CallTarget } from '../aliyun/commands.js';
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

/** A region's list, read through the CLI; a failed read throws. */
type LoadList<T> = (region: string) => Promise<readonly T[]>;

export interface CatalogOptions {
  /** How long a list is fresh; past it, it is still answered at once while a new one is read. */
  readonly ttlMs?: number;
  readonly now?: () => number;
  /** Hears a failed refresh (the old list is kept and still answered) or a failed warm-up read. */
  readonly onStaleRefreshError?: (error: unknown) => void;
}

/**
 * One list per region, cached by lru-cache: one CLI call in flight per region, and past its ttl the
 * list is still answered at once while a fresh one is read behind it (stale-while-revalidate), so
 * the modal's options stay warm; a failed refresh keeps the old list, a failed first read throws.
 */
function cachePerRegion<T>(load: LoadList<T>, options: CatalogOptions) {
  return new LRUCache<string, readonly T[]>({
    max: 100,
    ttl: options.ttlMs ?? 5 * 60_000,
    allowStale: true,
    noDeleteOnFetchRejection: true,
    ...(options.now ? { perf: { now: options.now }, ttlResolution: 0 } : {}),
    fetchMethod: (region, stale) =>
      load(region).catch((error: unknown) => {
        // A first read's failure reaches the caller; a refresh's only this hook.
        if (stale) options.onStaleRefreshError?.(error);
        throw error;
      }),
  });
}

/** A cached list; a failure reaches the caller, whose Slack budget decides what to answer instead. */
const fetchList = async <T>(cache: LRUCache<string, readonly T[]>, region: string) =>
  (await cache.fetch(region)) ?? [];

/**
 * The modal's image, instance-type and workspace options, read through the CLI and cached per
 * region (list-images pages and describe-machine-spec are slow, and Slack gives options 3 s).
 */
export function createCliCatalog(cli: CliRunner, options: CatalogOptions = {}): CatalogPort {
  // The one runner audits each call; the caller tag says what it was for.
  const deps: CallDeps = { cli, caller: { purpose: 'catalog' } };
  const userAgent = buildUserAgent('catalog');
  const read =
    <T, C>(
      call: (deps: CallDeps, t: CallTarget) => Promise<CallResult<T[]>>,
      what: string,
      to: (item: T) => C,
    ): LoadList<C> =>
    async (region) => {
      const answer = await call(deps, { region, userAgent });
      if (!answer.ok) throw new Error(`${what} failed in ${region}: ${answer.error.message}`);
      return answer.data.map(to);
    };
  const images = cachePerRegion(read(listOfficialImages, 'list-images', toImageChoice), options);
  const specs = cachePerRegion(
    read(listInstanceSpecs, 'describe-machine-spec', toInstanceChoice),
    options,
  );
  const workspaces = cachePerRegion(
    read(listEnabledWorkspaces, 'list-workspaces', (w) => ({
      id: w.WorkspaceId,
      name: w.WorkspaceName,
    })),
    options,
  );
  return {
    listImages: (region) => fetchList(images, region),
    listInstanceTypes: (region) => fetchList(specs, region),
    listWorkspaces: (region) => fetchList(workspaces, region),
    peekWorkspaces: (region) => (region ? workspaces.peek(region) : undefined),
    peekImageCommand: (region, image) => images.peek(region)?.find((c) => c.uri === image)?.command,
    // Stock changes: a list past its ttl is not answered from memory (the model-fit check).
    peekInstanceTypes: (region) =>
      specs.getRemainingTTL(region) > 0 ? specs.peek(region) : undefined,
    warm: (region) => {
      // One flight per list: a search arriving meanwhile waits on this same read. A failed read
      // caches nothing, so that search reads again and answers within its own budget.
      const heard = (error: unknown) => options.onStaleRefreshError?.(error);
      void images.fetch(region).catch(heard);
      void specs.fetch(region).catch(heard);
    },
  };
}
