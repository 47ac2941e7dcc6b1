import { type CallDeps, callCli } from '../aliyun/call-cli.js';
import {
  type CallTarget,
  listServicesArgs,
  PAGE_SIZE,
  REQUEST_ID_LABEL,
} from '../aliyun/commands.js';
import { nextPageNumber, readAllPages } from '../aliyun/read-all-pages.js';
import { ListServicesResponse, type Service } from '../aliyun/schemas.js';
import { blocked, failedCall, type GateResult, passed } from './gate-result.js';

/** The name to create, and whether a service by that name is already ours (a resumed deployment). */
export interface NameCheck {
  readonly name: string;
  readonly ours?: Service;
}

const MAX_DRAWS = 5;

/** True when the service carries this deployment's request-id label. */
export function isOurService(service: Service, deploymentId: string): boolean {
  return (service.Labels ?? []).some(
    (l) => l.LabelKey === REQUEST_ID_LABEL && l.LabelValue === deploymentId,
  );
}

/** `qwen_*` → `qwen_` plus 6 random digits. */
export function drawPrefixedName(prefix: string, random: () => number): string {
  const digits = String(Math.floor(random() * 1_000_000) % 1_000_000).padStart(6, '0');
  return `${prefix.slice(0, -1)}${digits}`;
}

/** list-services by name, every page until the exact name shows up. */
async function findExact(deps: CallDeps, t: CallTarget, name: string) {
  // --service-name is exact, but the match is checked here too: a fuzzy answer must not block.
  const exact = (s: Service) => s.ServiceName === name;
  const answer = await readAllPages(
    1,
    async (n) => {
      const page = await callCli(deps, listServicesArgs(t, name, n), ListServicesResponse);
      if (!page.ok) return page;
      const items = page.data.Services ?? [];
      const next = nextPageNumber(n, PAGE_SIZE.services, items.length, page.data.TotalCount);
      return { ok: true as const, data: { items, ...(next ? { next } : {}) } };
    },
    { what: `services named ${name}`, maxPages: 20, instead: 'Pick another name.' },
    (items) => items.some(exact),
  );
  if (!answer.ok) return answer;
  return { ok: true as const, data: answer.data.find(exact) };
}

const takenReason = (name: string, region: string): string =>
  `A service named ${name} already exists in ${region}. eas-deploy never reuses or replaces a service: pick another name.`;

/**
 * The duplicate-name gate (list-services, exact match). A prefix request draws names until one is
 * free; a name already resolved (journal) is kept. Our own service (request-id label) is not a duplicate.
 */
export async function checkServiceName(
  deps: CallDeps,
  t: CallTarget,
  options: { requested: string; resolved?: string; deploymentId: string; random: () => number },
): Promise<GateResult<NameCheck>> {
  const isPrefix = options.requested.endsWith('*') && options.resolved === undefined;
  const draws = isPrefix ? MAX_DRAWS : 1;
  for (let i = 0; i < draws; i += 1) {
    const name = isPrefix
      ? drawPrefixedName(options.requested, options.random)
      : (options.resolved ?? options.requested);
    const found = await findExact(deps, t, name);
    if (!found.ok) return failedCall('check whether the name is free', found.error);
    if (!found.data) {
      const detail = isPrefix
        ? `${name} is free (generated from ${options.requested})`
        : `${name} is free`;
      return passed({ name }, detail);
    }
    if (isOurService(found.data, options.deploymentId)) {
      return passed({ name, ours: found.data }, `${name} was created earlier by this deployment`);
    }
    if (!isPrefix) return blocked(takenReason(name, t.region));
  }
  return blocked(
    `Could not find a free name for ${options.requested} in ${t.region} after ${MAX_DRAWS} tries.`,
  );
}
