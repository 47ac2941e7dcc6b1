import type { RecordedCall } from './standin-options.js';

interface Message {
  ts: string;
  text: string;
  replies: string[];
}

/** The readable text of a message: its section/context/header texts, else its `text`. */
export function readMessageText(args: Record<string, unknown>): string {
  const blocks = Array.isArray(args.blocks) ? (args.blocks as Record<string, unknown>[]) : [];
  const parts: string[] = [];
  for (const block of blocks) {
    const text = (block.text as { text?: string } | undefined)?.text;
    if (text) parts.push(text);
    for (const element of (block.elements as { text?: string | { text?: string } }[] | undefined) ??
      []) {
      const t = typeof element.text === 'string' ? element.text : element.text?.text;
      if (t) parts.push(block.type === 'actions' ? `[${t}]` : t);
    }
  }
  return parts.length > 0 ? parts.join('\n') : String(args.text ?? '');
}

const indent = (text: string, prefix: string) =>
  text
    .split('\n')
    .map((line) => `${prefix}${line}`)
    .join('\n');

/** Renders one channel as a person would read it: parents as last edited, thread replies under them, private notes marked. */
export function renderConversation(calls: readonly RecordedCall[], channelId: string): string {
  const messages = new Map<string, Message>();
  const out: Message[] = [];
  for (const call of calls) {
    // Slack showed nothing for a refused call (a 429, invalid_blocks): neither does the rendering.
    if (call.args.channel !== channelId || call.response?.ok !== true) continue;
    const thread =
      typeof call.args.thread_ts === 'string' ? messages.get(call.args.thread_ts) : undefined;
    const text = readMessageText(call.args);
    if (call.method === 'chat.update' && typeof call.args.ts === 'string') {
      const target = messages.get(call.args.ts);
      if (target) target.text = text;
    } else if (call.method === 'chat.postEphemeral') {
      const note = `(only visible to <@${String(call.args.user)}>)\n${text}`;
      if (thread) thread.replies.push(note);
      else out.push({ ts: '', text: note, replies: [] });
    } else if (call.method === 'chat.postMessage') {
      if (thread) thread.replies.push(text);
      else if (typeof call.response?.ts === 'string') {
        const message: Message = { ts: call.response.ts, text, replies: [] };
        messages.set(message.ts, message);
        out.push(message);
      }
    }
  }
  return unescapeMrkdwn(
    out.map((m) => [m.text, ...m.replies.map((r) => indent(r, '    │ '))].join('\n')).join('\n\n'),
  );
}

/** Slack shows `&lt;` as `<`: so does the rendering (mentions and links stay as their raw form). */
const unescapeMrkdwn = (text: string): string =>
  text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
