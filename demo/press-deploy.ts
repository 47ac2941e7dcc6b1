import { FIELD_RULES } from '../blocks/field-rules.js';
import type { FieldId } from '../blocks/ids.js';
import { answeredViewId } from '../sim/slack/answered-view.js';
import { fromStoredView } from '../sim/slack/payloads.js';
import { readMessageText } from '../sim/slack/render-conversation.js';
import type { RecordedCall } from '../sim/slack/slack-standin.js';
import { type DemoSession, WAIT_MS } from './demo-session.js';
import { listEnabledWorkspaces } from './demo-world.js';
import { readFormFields, readFormNotices, readStateOf } from './read-form.js';
import { showConversation } from './show-conversation.js';

type View = { readonly [key: string]: unknown };

/**
 * The form is open: prints it as the person sees it, presses Deploy as Slack would (with what the
 * form holds), and prints the refusals on the form or the conversation that follows.
 */
export async function fillAndSubmit(session: DemoSession, opened: RecordedCall): Promise<void> {
  const { stack, say } = session;
  const viewId = answeredViewId(opened);
  await waitForWorkspaces(session, opened, viewId);
  const view = stack.slack.currentView(viewId);
  if (!view) throw new Error('the Slack stand-in lost the open form');
  const fields = readFormFields(view);
  say('The form opens:');
  for (const notice of readFormNotices(view)) say(`  ${notice.replace(/\n/g, '\n  ')}`);
  for (const f of fields.filter((f) => f.shown)) say(`  ${f.label}: ${f.shown}`);
  const empty = fields.filter((f) => !f.shown);
  if (empty.length > 0) say(`  (empty: ${empty.map((f) => f.label).join(', ')})`);
  // The form asks for a workspace only in regions with several: the person takes the first.
  const picks = Object.fromEntries(
    empty.flatMap((f) => (f.id === 'workspace' && f.firstChoice ? [[f.id, f.firstChoice]] : [])),
  );
  for (const [id, choice] of Object.entries(picks)) {
    say(
      `You pick ${labelOf(fields, id)}: ${choice.text.text} (add ${id}=${choice.value} to choose).`,
    );
  }
  const missing = empty.filter((f) => f.required && !picks[f.id]);
  if (missing.length > 0) {
    say('You press Deploy. Slack keeps the form open: these fields are required.');
    for (const f of missing) say(`  ${f.label}: add ${f.id}=${exampleOf(f.id)} to the command.`);
    return;
  }
  say('You press Deploy.');
  const mark = stack.slack.calls.length;
  const ack = await session.person.submitState(readStateOf(view, picks), fromStoredView(view));
  const answer = ack.json as
    | { response_action?: string; errors?: Record<string, string>; view?: View }
    | undefined;
  if (answer?.response_action === 'errors') {
    say('The form stays open and says, under each field:');
    for (const [id, message] of Object.entries(answer.errors ?? {}))
      say(`  ${labelOf(fields, id)}: ${message}`);
    return;
  }
  if (answer?.response_action === 'push') {
    return say(`A notice opens over the form:\n  ${readMessageText({ ...answer.view })}`);
  }
  say('The form closes, and the bot answers in the channel.');
  await showConversation(session, mark);
}

/** A region with several workspaces gets its workspace select right after the form opens. */
async function waitForWorkspaces(session: DemoSession, opened: RecordedCall, viewId: string) {
  const view = opened.args.view as View;
  const region = readStateOf(view).region?.region;
  const chosen = region && 'selected_option' in region ? region.selected_option?.value : undefined;
  const hasSelect = readFormFields(view).some((f) => f.id === 'workspace');
  if (!chosen || hasSelect || listEnabledWorkspaces(session.world, chosen).length < 2) return;
  await session.stack.slack.waitFor(
    (c) => c.method === 'views.update' && c.args.view_id === viewId,
    WAIT_MS,
  );
}

const labelOf = (fields: readonly { id: string; label: string }[], id: string) =>
  fields.find((f) => f.id === id)?.label ?? id;

/** A good value for a field, from the form's own rules (the first of "a or b"). */
const exampleOf = (id: string) =>
  (FIELD_RULES[id as FieldId]?.example ?? '…').split(' or ')[0] ?? '…';
