import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  buildBlockActionsBody,
  buildStateValues,
  fromStoredView,
  nextTriggerId,
} from '../../../sim/slack/payloads.js';
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
      view: {
        type: 'modal',
        title: { type: 'plain_text', text: 'x' },
        blocks: [],
        private_metadata: JSON.stringify({ channelId: 'C0DEPLOY' }),
      },
    }),
  }).then((r) => r.json() as Promise<{ view: { id: string } }>);
  return answer.view.id;
}

/** The view as Slack would send it in a payload now: its id and current hash. */
const held = (viewId: string) => fromStoredView(h.standIn.currentView(viewId));

/** A person picks `value` in the select `actionId` on the view as given (default: as Slack holds it now). */
const pick = (
  viewId: string,
  actionId: string,
  value: string,
  values: ReturnType<typeof buildStateValues>,
  view = held(viewId),
) => h.post(buildBlockActionsBody({ actionId, selectedValue: value, ...view, values }));

const updateOf = (viewId: string) =>
  h.standIn.waitFor((c) => c.method === 'views.update' && c.args.view_id === viewId, 5000);
const blockIds = (view: unknown) =>
  (view as { blocks: { block_id?: string }[] }).blocks.map((b) => b.block_id);

describe('the modal’s region and image selects', () => {
  it('adds the workspace select when the picked region has several workspaces', async () => {
    const viewId = await openModal();
    await pick(viewId, 'region', 'cn-shanghai', buildStateValues({}, { region: 'cn-shanghai' }));
    const update = await updateOf(viewId);
    expect(update.response).toMatchObject({ ok: true });
    expect(blockIds(update.args.view)).toContain('workspace');
    expect(h.ports.catalogCalls).toContain('workspaces cn-shanghai');
  });

  it('drops a workspace chosen for the previous region', async () => {
    const viewId = await openModal();
    await pick(
      viewId,
      'region',
      'cn-hangzhou',
      buildStateValues({}, { region: 'cn-hangzhou', workspace: '91002' }),
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
      await pick(
        viewId,
        'region',
        'cn-shanghai',
        buildStateValues({ service_name: 'kept_name' }, { region: 'cn-shanghai' }),
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
    await pick(
      viewId,
      'image',
      'vllm',
      buildStateValues({}, { region: 'cn-hangzhou', image: 'vllm' }),
    );
    const update = await updateOf(viewId);
    expect(JSON.stringify(update.args.view)).toContain(
      '"initial_value":"vllm serve /model_dir --port 8000"',
    );
  });
});

describe('a pick whose update reaches Slack after a newer one', () => {
  it('leaves the modal as the newer update left it, warns, and the next pick updates again', async () => {
    const viewId = await openModal();
    const stale = held(viewId);
    // Bolt's console logger: a refused update is a warning, never a listener error.
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const error = vi.spyOn(console, 'error');
    try {
      await pick(
        viewId,
        'network',
        'nlb',
        buildStateValues({ service_name: 'kept_name' }, { network: 'nlb' }),
        stale,
      );
      expect((await updateOf(viewId)).response).toMatchObject({ ok: true });
      const newer = h.standIn.currentView(viewId);
      // The region pick was made on the view before the network update: its payload has the old hash.
      await pick(
        viewId,
        'region',
        'cn-shanghai',
        buildStateValues({ service_name: 'kept_name' }, { region: 'cn-shanghai' }),
        stale,
      );
      const refused = await h.standIn.waitFor(
        (c) => c.method === 'views.update' && c.response?.error === 'hash_conflict',
        5000,
      );
      expect(refused.args).toMatchObject({ view_id: viewId, hash: stale.hash });
      expect(h.standIn.currentView(viewId)).toEqual(newer);
      expect(JSON.stringify(newer)).toContain('"initial_value":"kept_name"');
      await vi.waitFor(() =>
        expect(warn.mock.calls.flat().join(' ')).toContain(`views.update of ${viewId} skipped`),
      );
      expect(error).not.toHaveBeenCalled();
      // Picked again, the region arrives with the current hash and the workspace select appears.
      await pick(
        viewId,
        'region',
        'cn-shanghai',
        buildStateValues({ service_name: 'kept_name' }, { region: 'cn-shanghai' }),
      );
      const after = await h.standIn.waitFor(
        (c) =>
          c.method === 'views.update' &&
          h.standIn.calls.indexOf(c) > h.standIn.calls.indexOf(refused),
        5000,
      );
      expect(after.response).toMatchObject({ ok: true });
      expect(blockIds(after.args.view)).toContain('workspace');
    } finally {
      warn.mockRestore();
      error.mockRestore();
    }
  });
});
