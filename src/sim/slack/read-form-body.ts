import type { IncomingMessage } from 'node:http';
import type { CallArgs } from './standin-state.js';

const JSON_FIELDS = new Set(['view', 'blocks', 'attachments', 'metadata', 'options']);

/** Parses a form-encoded (or JSON) Web API body into arguments, JSON fields decoded. */
export function parseBody(raw: string, contentType: string): CallArgs {
  if (contentType.includes('application/json')) {
    const parsed: unknown = raw ? JSON.parse(raw) : {};
    return typeof parsed === 'object' && parsed !== null ? (parsed as CallArgs) : {};
  }
  const args: CallArgs = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    args[key] = JSON_FIELDS.has(key) ? safeJson(value) : value;
  }
  return args;
}

function safeJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value; // Slack itself would answer invalid_arguments; keep the raw text for the test to see.
  }
}

/** Reads a request's raw body as text. */
export async function readRaw(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
