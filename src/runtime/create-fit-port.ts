import type { FitConfirmations } from '../queue/fit-confirmations.js';
import { findFitWarning } from '../serving/find-fit-warning.js';
import type { CatalogPort, FitPort } from '../slack/ports.js';

/**
 * The fit check on what the modal's catalog already loaded (the instance-type select loads it):
 * never a CLI call of its own, so a submission costs the cloud nothing more. No catalog, no check.
 */
export function createFitPort(catalog: CatalogPort, seen: FitConfirmations): FitPort {
  return {
    async warn({ spec, viewId }) {
      const types = catalog.peekInstanceTypes(spec.region);
      if (!types) return undefined;
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
