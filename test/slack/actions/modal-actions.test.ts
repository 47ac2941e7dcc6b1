import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildBlockActionsBody,
  buildStateValues,
  nextTriggerId,
} from '../../../src/sim/slack/payloads.js';
import type { CatalogPort } from '../../../src/slack/ports.js';
import { type SlackHarness, startSlackHarness } from '../../support/slack-harness.js';

let h: SlackHarness;
beforeAll(async () => {
  h = await startSlackHarness();
});
afterAll(() => h.close());

/** Opens a modal on the stand-in so that views.update has a view to update; returns its id. */
async function openModal(): Promise<string> {
  const answer = await fetch(`${h.standIn.apiUrl}views.open`, {
    method: 'POST',
    headers: { authorization: 'Bearer xoxb-test', 'content-type': 'application/json' },
    body: JSON.stringify({
      trigger_id: nextTriggerId(),
      view: { type: 'modal', title: { type: 'plain_text', text: 'x' }, blocks: [] },
    }),
  }).then((r) => r.json() as Promise<{ view: { id: string } }>);
  return answer.view.id;
}

const updateOf = (viewId: string) =>
  h.standIn.waitFor((c) => c.method === 'views.update' && c.args.view_id === viewId, 5000);
const blockIds = (view: unknown) =>
  (view as { blocks: { block_id?: string }[] }).blocks.map((b) => b.block_id);

describe('the modal’s region and image selects', () => {
  it('adds the workspace select when the picked region has several workspaces', async () => {
    const viewId = await openModal();
    await h.post(
      buildBlockActionsBody({
        actionId: 'region',
        selectedValue: 'cn-shanghai',
        id: viewId,
        values: buildStateValues({}, { region: 'cn-shanghai' }),
      }),
    );
    const update = await updateOf(viewId);
    expect(blockIds(update.args.view)).toContain('workspace');
    expect(h.ports.catalogCalls).toContain('workspaces cn-shanghai');
  });

  it('drops a workspace chosen for the previous region', async () => {
    const viewId = await openModal();
    await h.post(
      buildBlockActionsBody({
        actionId: 'region',
        selectedValue: 'cn-hangzhou',
        id: viewId,
        values: buildStateValues({}, { region: 'cn-hangzhou', workspace: '91002' }),
      }),
    );
    const update = await updateOf(viewId);
    expect(blockIds(update.args.view)).not.toContain('workspace');
    expect(JSON.stringify(update.args.view)).not.toContain('91002');
  });

  it('still updates the modal, without the select, when the workspaces cannot be listed', async () => {
    // The fake catalog is a plain object: swap one method for this test, then put it back.
    const catalog: { listWorkspaces: CatalogPort['listWorkspaces'] } = h.ports.catalog;
    const original = catalog.listWorkspaces;
    catalog.listWorkspaces = async () => {
      throw new Error('list-workspaces failed in cn-shanghai');
    };
    try {
      const viewId = await openModal();
      await h.post(
        buildBlockActionsBody({
          actionId: 'region',
          selectedValue: 'cn-shanghai',
          id: viewId,
          values: buildStateValues({ service_name: 'kept_name' }, { region: 'cn-shanghai' }),
        }),
      );
      const update = await updateOf(viewId);
      expect(blockIds(update.args.view)).not.toContain('workspace');
      expect(JSON.stringify(update.args.view)).toContain('"initial_value":"kept_name"');
    } finally {
      catalog.listWorkspaces = original;
    }
  });

  it('fills an empty start command from the image the catalog knows', async () => {
    const viewId = await openModal();
    await h.post(
      buildBlockActionsBody({
        actionId: 'image',
        selectedValue: 'vllm',
        id: viewId,
        values: buildStateValues({}, { region: 'cn-hangzhou', image: 'vllm' }),
      }),
    );
    const update = await updateOf(viewId);
    expect(JSON.stringify(update.args.view)).toContain(
      '"initial_value":"vllm serve /model_dir --port 8000"',
    );
  });
});
