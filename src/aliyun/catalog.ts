import { type CallDeps, type CallResult, callCli } from './call-cli.js';
import {
  type CallTarget,
  describeMachineSpecArgs,
  listImagesArgs,
  listResourcesArgs,
  listWorkspacesArgs,
  PAGE_SIZE,
} from './commands.js';
import { nextPageNumber, readAllPages } from './read-all-pages.js';
import {
  DescribeMachineSpecResponse,
  type Image,
  type InstanceMeta,
  ListImagesResponse,
  ListResourcesResponse,
  ListWorkspacesResponse,
  type Resource,
  type Workspace,
} from './schemas.js';

const MAX_PAGES = 20;

/** Pages through the official EAS images of a region (optionally filtered by a fuzzy name). */
export function listOfficialImages(
  deps: CallDeps,
  t: CallTarget,
  name?: string,
): Promise<CallResult<Image[]>> {
  return readAllPages(
    1,
    async (n) => {
      const answer = await callCli(deps, listImagesArgs(t, n, name), ListImagesResponse);
      if (!answer.ok) return answer;
      const items = answer.data.Images ?? [];
      const next = nextPageNumber(n, PAGE_SIZE.images, items.length, answer.data.TotalCount);
      return { ok: true, data: { items, ...(next ? { next } : {}) } };
    },
    {
      what: `official images in ${t.region}`,
      maxPages: MAX_PAGES,
      instead: 'Type the image URI, or a framework name such as vllm, in the form.',
    },
  );
}

/** The instance types of a region with GPU, availability and stock (describe-machine-spec). */
export async function listInstanceSpecs(
  deps: CallDeps,
  t: CallTarget,
): Promise<CallResult<InstanceMeta[]>> {
  const answer = await callCli(deps, describeMachineSpecArgs(t), DescribeMachineSpecResponse);
  return answer.ok ? { ok: true, data: answer.data.InstanceMetas } : answer;
}

/** Every workspace of a region (list-workspaces, all pages). */
export function listWorkspaces(deps: CallDeps, t: CallTarget): Promise<CallResult<Workspace[]>> {
  return readAllPages(
    1,
    async (n) => {
      const answer = await callCli(deps, listWorkspacesArgs(t, n), ListWorkspacesResponse);
      if (!answer.ok) return answer;
      const items = answer.data.Workspaces;
      const next = nextPageNumber(n, PAGE_SIZE.workspaces, items.length, answer.data.TotalCount);
      return { ok: true, data: { items, ...(next ? { next } : {}) } };
    },
    {
      what: `workspaces in ${t.region}`,
      maxPages: MAX_PAGES,
      instead: 'Type the workspace id in the form.',
    },
  );
}

/** The ENABLED workspaces of a region; disabled ones are never offered. */
export async function listEnabledWorkspaces(
  deps: CallDeps,
  t: CallTarget,
): Promise<CallResult<Workspace[]>> {
  const answer = await listWorkspaces(deps, t);
  return answer.ok ? { ok: true, data: answer.data.filter((w) => w.Status === 'ENABLED') } : answer;
}

/** The dedicated resource groups of a region (list-resources, all pages). */
export function listDedicatedResources(
  deps: CallDeps,
  t: CallTarget,
): Promise<CallResult<Resource[]>> {
  return readAllPages(
    1,
    async (n) => {
      const answer = await callCli(deps, listResourcesArgs(t, n), ListResourcesResponse);
      if (!answer.ok) return answer;
      const items = answer.data.Resources ?? [];
      const next = nextPageNumber(n, PAGE_SIZE.resources, items.length, answer.data.TotalCount);
      return { ok: true, data: { items, ...(next ? { next } : {}) } };
    },
    {
      what: `resource groups in ${t.region}`,
      maxPages: MAX_PAGES,
      instead: 'Check the resource group id.',
    },
  );
}
