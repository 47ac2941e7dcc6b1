/** Web API methods whose answer echoes the whole view the bot has just sent. */
const VIEW_METHOD = /\/views\.(open|update|push|publish)$/;

/** True for a views.open / update / push / publish URL (the client POSTs: no query string). */
export function echoesView(url: string): boolean {
  return VIEW_METHOD.test(url);
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A views.* answer without the echo of what the bot sent: the view keeps its scalar fields (id,
 * hash, root_view_id, callback_id, external_id, private_metadata, …) and loses blocks, state,
 * title, submit and close. Why: the bot reads only a view's ids (send-view.ts), and
 * `@slack/web-api` walks and stringifies the whole answer for a debug line it then drops: about a
 * fifth of the bot's CPU per command at 400/s (docs/BENCHMARK.md). Anything that is not a
 * JSON object with a view object is returned as it came, for the client to handle.
 */
export function trimViewEcho(text: string): string {
  let answer: unknown;
  try {
    answer = JSON.parse(text);
  } catch {
    return text;
  }
  if (!isRecord(answer) || !isRecord(answer.view)) return text;
  const view: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(answer.view)) {
    if (value === null || typeof value !== 'object') view[key] = value;
  }
  return JSON.stringify({ ...answer, view });
}
