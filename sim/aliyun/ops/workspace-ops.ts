import { type OpContext, paginate, regionOf } from '../op-context.js';
import { jsonResult, type SimResult, serverError } from '../sim-result.js';
import type { SimImage } from '../world-schema.js';

/** aiworkspace list-workspaces */
export function listWorkspaces(ctx: OpContext): SimResult {
  const { page, TotalCount } = paginate(regionOf(ctx).workspaces, ctx.flags, 20);
  return jsonResult({ TotalCount, Workspaces: page });
}

/** Image as list-images/get-image print it: Labels only with --verbose true. */
function showImage(image: SimImage, verbose: boolean): Record<string, unknown> {
  if (verbose) return { ...image };
  const { Labels: _labels, ...rest } = image;
  return rest;
}

/** Whether an image carries every `k=v` of a `--labels` filter. */
function hasLabels(image: SimImage, filter: string | undefined): boolean {
  if (!filter) return true;
  return filter
    .split(',')
    .filter((pair) => pair.length > 0)
    .every((pair) => {
      const [key, value] = pair.split('=');
      return image.Labels.some((l) => l.Key === key && (value === undefined || l.Value === value));
    });
}

/** aiworkspace list-images: `--labels k=v,…`, `--name` fuzzy, paging, `--verbose true` adds labels. */
export function listImages(ctx: OpContext): SimResult {
  const name = ctx.flags.name?.toLowerCase();
  const matching = regionOf(ctx).images.filter(
    (image) =>
      hasLabels(image, ctx.flags.labels) && (!name || image.Name.toLowerCase().includes(name)),
  );
  const { page, TotalCount } = paginate(matching, ctx.flags, 20);
  const verbose = ctx.flags.verbose === 'true';
  return jsonResult({ TotalCount, Images: page.map((image) => showImage(image, verbose)) });
}

/** aiworkspace get-image --image-id I */
export function getImage(ctx: OpContext): SimResult {
  const image = regionOf(ctx).images.find((i) => i.ImageId === ctx.flags['image-id']);
  if (!image) {
    return serverError(404, 'InvalidImage.NotFound', `image ${ctx.flags['image-id']} not exists`);
  }
  return jsonResult(showImage(image, ctx.flags.verbose === 'true'));
}
