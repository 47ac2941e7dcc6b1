import { randomUUID } from 'node:crypto';
import { findViewProblems } from './block-kit-limits.js';
import {
  type CallArgs,
  type Handler,
  type MethodAnswer,
  type StandInState,
  type StoredView,
  text,
} from './standin-state.js';
import { checkTrigger } from './triggers.js';

/** views.open: "view_too_large — Error returned if the provided view is greater than 250kb". */
const MAX_VIEW_BYTES = 250 * 1024;

/** Slack's refusal of a view: `invalid_arguments` naming each bad place, or `view_too_large`. */
function checkView(view: unknown): MethodAnswer | undefined {
  if (typeof view !== 'object' || view === null || !Array.isArray((view as CallArgs).blocks)) {
    return invalid(['failed to match all allowed schemas [json-pointer:/view]']);
  }
  if (Buffer.byteLength(JSON.stringify(view)) > MAX_VIEW_BYTES) {
    return { ok: false, error: 'view_too_large' };
  }
  const problems = findViewProblems(view as CallArgs);
  return problems.length > 0 ? invalid(problems) : undefined;
}

const invalid = (problems: string[]): MethodAnswer => ({
  ok: false,
  error: 'invalid_arguments',
  response_metadata: { messages: problems.map((p) => `[ERROR] ${p}`) },
});

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

/**
 * Stores a view under its id (a new one unless given) with a new hash, as every change gets, in
 * the shape Slack echoes it (views.open's documented answer): the blocks as sent, an empty state,
 * the ids Slack adds.
 */
function storeView(state: StandInState, view: CallArgs, id?: string): StoredView {
  const viewId = id ?? `V${randomUUID().replace(/-/g, '').slice(0, 10).toUpperCase()}`;
  const stored: StoredView = {
    team_id: state.teamId,
    private_metadata: '',
    callback_id: '',
    external_id: '',
    state: { values: {} },
    clear_on_close: false,
    notify_on_close: false,
    close: null,
    submit: null,
    previous_view_id: null,
    root_view_id: viewId,
    app_id: state.appId,
    app_installed_team_id: state.teamId,
    bot_id: state.botId,
    ...view,
    id: viewId,
    hash: `${Math.floor(Date.now() / 1000)}.${randomUUID().replace(/-/g, '').slice(0, 8)}`,
  };
  state.views.delete(viewId); // a changed view becomes the newest (a Map keeps insertion order)
  state.views.set(viewId, stored);
  if (state.views.size > MAX_HELD_VIEWS) {
    const oldest = state.views.keys().next().value;
    if (oldest !== undefined) state.views.delete(oldest);
  }
  return stored;
}

/** views.open and views.push exchange a trigger: once, within its time. */
function openWithTrigger(state: StandInState, args: CallArgs): MethodAnswer {
  const trigger = text(args, 'trigger_id');
  const refused = checkTrigger(trigger, state.usedTriggers, state.triggerTtlMs);
  if (refused) return { ok: false, error: refused };
  const bad = checkView(args.view);
  if (bad) return bad;
  state.usedTriggers.add(trigger ?? '');
  return { ok: true, view: storeView(state, args.view as CallArgs) };
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
  'views.open': openWithTrigger,
  'views.push': openWithTrigger,
  'views.update': updateView,
  'views.publish': publishView,
};
