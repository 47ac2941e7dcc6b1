import { describe, expect, it } from 'vitest';
import type { StandInState } from '../../../sim/slack/standin-state.js';
import { nextTriggerId } from '../../../sim/slack/triggers.js';
import { MAX_HELD_VIEWS, VIEW_METHODS } from '../../../sim/slack/view-methods.js';

const emptyState = (): StandInState => ({
  teamId: 'T0001',
  appId: 'A0001',
  botId: 'B0001',
  triggerTtlMs: 3_000,
  nextTs: 1,
  messages: new Map(),
  views: new Map(),
  homeViews: new Map(),
  usedTriggers: new Set(),
  notInChannel: new Set(),
  unknownChannels: new Set(),
  usergroups: {},
});
const modal = { type: 'modal', title: { type: 'plain_text', text: 'x' }, blocks: [] };
const open = (state: StandInState): string => {
  const answer = VIEW_METHODS['views.open']?.(state, { trigger_id: nextTriggerId(), view: modal });
  const view = answer?.view as { id: string } | undefined;
  if (!view) throw new Error('views.open answered no view');
  return view.id;
};

describe('the stand-in’s views', () => {
  it('holds the most recently changed views only, as Slack forgets closed ones', () => {
    const state = emptyState();
    const first = open(state);
    const second = open(state);
    // A change makes a view the newest: the first one outlives the second.
    VIEW_METHODS['views.update']?.(state, { view_id: first, view: modal });
    for (let i = 2; i < MAX_HELD_VIEWS + 1; i += 1) open(state);
    expect(state.views.size).toBe(MAX_HELD_VIEWS);
    expect(state.views.has(second)).toBe(false);
    expect(state.views.has(first)).toBe(true);
  });
});
