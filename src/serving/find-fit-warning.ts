import { checkModelFit, type GpuShape } from './check-model-fit.js';
import { estimateModelSize } from './estimate-model-size.js';

/** What the fit check reads of a request (DeploySpec's fields). */
export interface FitRequest {
  readonly image: string;
  readonly instanceType: string;
  readonly command?: string | undefined;
  readonly ossPath?: string | undefined;
  readonly nasPath?: string | undefined;
}

/** A warning to show before create, and the key that says the person saw it for this model and type. */
export interface FitWarning {
  readonly text: string;
  readonly key: string;
}

/**
 * The model-fit check of a submission: when the model's size is knowable (a size in the command,
 * the model path or the image) and the region's catalog knows the type's GPUs, weights larger than
 * the usable GPU memory give a warning; anything unknown gives none.
 */
export function findFitWarning(
  request: FitRequest,
  catalog: readonly GpuShape[],
): FitWarning | undefined {
  const model = estimateModelSize({
    command: request.command,
    modelPath: request.ossPath ?? request.nasPath,
    image: request.image,
  });
  const gpu = catalog.find((c) => c.instanceType === request.instanceType);
  if (!model || !gpu) return undefined;
  const fit = checkModelFit(model, gpu, catalog);
  if (!fit || fit.fits) return undefined;
  return {
    text: `${fit.warning} To deploy on ${gpu.instanceType} anyway, press Deploy again.`,
    key: `${request.instanceType}|${model.model}|${model.bytesPerParam}`,
  };
}
