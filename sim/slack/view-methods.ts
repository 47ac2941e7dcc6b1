import { randomUUID } from 'node:crypto';
import {
  type CallArgs,
  type Handler,
  type MethodAnswer,
  type StandInState,
  type StoredView,
  text,
} from './standin-state.js';

/** Slack rejects a modal that has input blocks but no submit button. */
function checkView(view: unknown): MethodAnswer | undefined {
  if (typeof view !== 'object' || view === null) return { ok: false, error: 'invalid_arguments' };
  const v = view as { type?: unknown; blocks?: unknown; submit?: unknown };
  if (!Array.isArray(v.blocks)) return { ok: false, error: 'invalid_arguments' };
  const hasInput = v.blocks.some((b) => (b as { type?: unknown }).type === 'input');
  if (v.type === 'modal' && hasInput && !v.submit) return { ok: false, error: 'invalid_arguments' };
  return undefined;
}

/**
 * Slack refuses an update whose `hash` is not the view's current one (someone changed the view
 * meanwhile); without a hash the update always applies.
 */
function checkHash(current: StoredView | undefined, args: CallArgs): MethodAnswer | undefined {
  const hash = text(args, 'hash');
  if (!current || !hash || hash === current.hash) return undefined;
  return { ok: false, error: 'hash_conflict' };
}

/**
 * How many views the stand-in holds, the most recently changed. Slack forgets a modal once it is
 * closed; without a bound, a long run (`npm run bench` opens tens of thousands) grows the heap of
 * the process it shares the machine with by hundreds of MB, and its collections land on the phases.
 */
export const MAX_HELD_VIEWS = 1_000;

/** Stores a view under its id (a new one unless given) with a new hash, as every change gets. */
function storeView(state: StandInState, view: CallArgs, id?: string): StoredView {
  const viewId = id ?? `V${randomUUID().replace(/-/g, '').slice(0, 10).toUpperCase()}`;
  const stored = { ...view, id: viewId, hash: `${Date.now()}.${randomUUID().slice(0, 8)}` };
  state.views.delete(viewId); // a changed view becomes the newest (a Map keeps insertion order)
  state.views.set(viewId, stored);
  if (state.views.size > MAX_HELD_VIEWS) {
    const oldest = state.views.keys().next().value;
    if (oldest !== undefined) state.views.delete(oldest);
  }
  return stored;
}

function updateView(state: StandInState, args: CallArgs): MethodAnswer {
  const id = text(args, 'view_id');
  const current = id ? state.views.get(id) : undefined;
  if (!id || !current) return { ok: false, error: 'not_found' };
  const bad = checkView(args.view) ?? checkHash(current, args);
  return bad ?? { ok: true, view: storeView(state, args.view as CallArgs, id) };
}

/** App Home: one view per person, replaced in place, so a stale hash conflicts as on update. */
function publishView(state: StandInState, args: CallArgs): MethodAnswer {
  const user = text(args, 'user_id');
  if (!user) return { ok: false, error: 'invalid_arguments' };
  const id = state.homeViews.get(user);
  const bad = checkView(args.view) ?? checkHash(id ? state.views.get(id) : undefined, args);
  if (bad) return bad;
  const stored = storeView(state, args.view as CallArgs, id);
  state.homeViews.set(user, stored.id);
  return { ok: true, view: stored };
}

/** views.open / push / update / publish, answered as Slack answers them (ids, hashes, conflicts). */
export const VIEW_METHODS: Readonly<Record<string, Handler>> = {
  'views.open': (state, args) => {
    const trigger = text(args, 'trigger_id');
    if (!trigger) return { ok: false, error: 'invalid_arguments' };
    if (state.usedTriggers.has(trigger)) return { ok: false, error: 'exchanged_trigger_id' };
    const bad = checkView(args.view);
    if (bad) return bad;
    state.usedTriggers.add(trigger);
    return { ok: true, view: storeView(state, args.view as CallArgs) };
  },
  'views.push': (state, args) =>
    checkView(args.view) ?? { ok: true, view: storeView(state, args.view as CallArgs) },
  'views.update': updateView,
  'views.publish': publishView,
};
