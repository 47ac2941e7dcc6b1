import type { Prefill } from '../../../../blocks/ids.js';
import { FIELD_IDS, type FieldId } from '../../../../blocks/ids.js';
import { REGION_PATTERN } from '../../../deploy/deploy-spec.js';
import type { LifecycleRequest } from '../../../lifecycle/lifecycle-request.js';
import { parseAuditCount } from '../../../security/format-audit-entries.js';
import { isLifecycleVerb, parseLifecycleCommand } from './parse-lifecycle-command.js';

export type CommandRequest =
  | { kind: 'open'; prefill: Prefill }
  | { kind: 'help' }
  | { kind: 'status'; serviceName: string; region?: string }
  | { kind: 'list'; region?: string }
  | { kind: 'audit'; count: number }
  | { kind: 'lifecycle'; request: LifecycleRequest }
  | { kind: 'invalid'; message: string };

const MAX_TEXT = 2000;
const isField = (key: string): key is FieldId => (FIELD_IDS as readonly string[]).includes(key);

/** Reads `/eas-deploy` text: empty, help, status, list, or `key=value …` pre-fill. */
export function parseCommandText(raw: string): CommandRequest {
  const text = raw.trim();
  if (text.length > MAX_TEXT)
    return { kind: 'invalid', message: `That is too long (over ${MAX_TEXT} characters).` };
  if (text === '') return { kind: 'open', prefill: {} };
  const [word = '', ...rest] = text.split(/\s+/);
  const verb = word.toLowerCase();
  if (verb === 'help' && rest.length === 0) return { kind: 'help' };
  if (verb === 'status') return parseStatus(rest);
  if (verb === 'list') return parseList(rest);
  if (isLifecycleVerb(verb)) return parseLifecycleCommand(verb, rest);
  if (verb === 'audit') {
    const count = rest.length > 1 ? undefined : parseAuditCount(text);
    if (!count?.ok) {
      return { kind: 'invalid', message: count?.message ?? 'Usage: /eas-deploy audit [n]' };
    }
    return { kind: 'audit', count: count.n };
  }
  return parsePrefill(text);
}

function parseStatus(args: string[]): CommandRequest {
  const [serviceName, region, ...extra] = args;
  if (!serviceName || extra.length > 0)
    return { kind: 'invalid', message: 'Usage: /eas-deploy status <service_name> [region]' };
  if (region !== undefined && !REGION_PATTERN.test(region))
    return { kind: 'invalid', message: `"${region}" is not a region id such as cn-hangzhou.` };
  return { kind: 'status', serviceName, ...(region ? { region } : {}) };
}

function parseList(args: string[]): CommandRequest {
  const [region, ...extra] = args;
  if (extra.length > 0 || (region !== undefined && !REGION_PATTERN.test(region))) {
    return { kind: 'invalid', message: 'Usage: /eas-deploy list [region]' };
  }
  return { kind: 'list', ...(region ? { region } : {}) };
}

/** `key=value` pairs; a value may be quoted ("…" or '…') to hold spaces, e.g. command="vllm serve …". */
function parsePrefill(text: string): CommandRequest {
  const prefill: Prefill = {};
  const pair = /([a-z_]+)=("([^"]*)"|'([^']*)'|(\S+))\s*/gy;
  let match: RegExpExecArray | null = pair.exec(text);
  let consumed = 0;
  while (match) {
    const key = match[1] ?? '';
    if (!isField(key)) return { kind: 'invalid', message: `I do not know the key "${key}".` };
    prefill[key] = match[3] ?? match[4] ?? match[5] ?? '';
    consumed = pair.lastIndex;
    match = pair.exec(text);
  }
  if (consumed !== text.length) {
    const word = text.slice(consumed).split(/\s+/)[0] ?? '';
    return {
      kind: 'invalid',
      message: `I did not understand "${word.slice(0, 40)}". Try /eas-deploy help.`,
    };
  }
  return { kind: 'open', prefill };
}
