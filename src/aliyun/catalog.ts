import { type CallResult, callCli } from './call-cli.js';
import type { CliRunner } from './cli-runner.js';
import {
  type CallTarget,
  describeMachineSpecArgs,
  LIST_IMAGES_PAGE_SIZE,
  listImagesArgs,
  listWorkspacesArgs,
} from './commands.js';
import {
  DescribeMachineSpecResponse,
  type Image,
  type InstanceMeta,
  ListImagesResponse,
  ListWorkspacesResponse,
  type Workspace,
} from './schemas.js';

const MAX_IMAGE_PAGES = 20;

/** Pages through the official EAS images of a region (optionally filtered by a fuzzy name). */
export async function listOfficialImages(
  cli: CliRunner,
  region: string,
  userAgent: string,
  name?: string,
): Promise<CallResult<Image[]>> {
  const target: CallTarget = { region, userAgent };
  const images: Image[] = [];
  for (let page = 1; page <= MAX_IMAGE_PAGES; page += 1) {
    const answer = await callCli({ cli }, listImagesArgs(target, page, name), ListImagesResponse);
    if (!answer.ok) return answer;
    const batch = answer.data.Images ?? [];
    images.push(...batch);
    if (batch.length < LIST_IMAGES_PAGE_SIZE || images.length >= answer.data.TotalCount) break;
  }
  return { ok: true, data: images };
}

/** The instance types of a region with GPU, availability and stock (describe-machine-spec). */
export async function listInstanceSpecs(
  cli: CliRunner,
  region: string,
  userAgent: string,
): Promise<CallResult<InstanceMeta[]>> {
  const answer = await callCli(
    { cli },
    describeMachineSpecArgs({ region, userAgent }),
    DescribeMachineSpecResponse,
  );
  return answer.ok ? { ok: true, data: answer.data.InstanceMetas } : answer;
}

/** The ENABLED workspaces of a region (list-workspaces); disabled ones are never offered. */
export async function listEnabledWorkspaces(
  cli: CliRunner,
  region: string,
  userAgent: string,
): Promise<CallResult<Workspace[]>> {
  const answer = await callCli(
    { cli },
    listWorkspacesArgs({ region, userAgent }),
    ListWorkspacesResponse,
  );
  return answer.ok
    ? { ok: true, data: answer.data.Workspaces.filter((w) => w.Status === 'ENABLED') }
    : answer;
}
