import type { types } from '@slack/bolt';
import { fieldsOfMode } from '../src/deploy/network/registry.js';
import type { FieldId, Prefill } from './ids.js';
import { staticSelect, textInput } from './modal-inputs.js';
import { option } from './text.js';

/**
 * The chosen network mode's fields, rendered from the mode's own field data
 * (src/deploy/network/<mode>.ts); all optional, block ids never change, so typed values survive.
 */
export function buildNetworkFields(mode: string, prefill: Prefill): types.KnownBlock[] {
  return fieldsOfMode(mode).map((field) => {
    const id = field.id as FieldId;
    if (!field.options) return textInput(id, field.label, prefill, field.hint);
    const options = field.options.map((o) => option(o.label, o.value));
    return {
      ...staticSelect(id, field.label, options, prefill[id] ?? field.options[0]?.value),
      optional: true,
    };
  });
}
