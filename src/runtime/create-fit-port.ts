import type { FitConfirmations } from '../queue/fit-confirmations.js';
import { findFitWarning } from '../serving/find-fit-warning.js';
import type { CatalogPort, FitPort } from '../slack/ports.js';

/** The fit check on the modal's own catalog (cached per region): the GPUs of every type, with stock. */
export function createFitPort(catalog: CatalogPort, seen: FitConfirmations): FitPort {
  return {
    async warn({ spec, viewId }) {
      const types = await catalog.listInstanceTypes(spec.region);
      const shapes = types.map((t) => ({
        instanceType: t.instanceType,
        gpuCount: t.gpuCount,
        gpuMemoryGb: t.gpuMemoryGb ?? 0,
        usable: t.stock === 'WithStock',
      }));
      const warning = findFitWarning(spec, shapes);
      if (!warning) return undefined;
      return (await seen.firstTime(viewId, warning.key)) ? warning.text : undefined;
    },
  };
}
