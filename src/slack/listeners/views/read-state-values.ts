import { z } from 'zod';
import type { Prefill } from '../../../../blocks/ids.js';
import { FIELD_IDS } from '../../../../blocks/ids.js';

const Option = z.object({ value: z.string() });

/** One element's state: text inputs carry `.value`, selects `.selected_option`, checkboxes `selected_options`. */
const ElementState = z.object({
  value: z.string().nullish(),
  selected_option: Option.nullish(),
  selected_options: z.array(Option).nullish(),
});

/** `view.state.values`: block_id → action_id → element state. */
export const StateValues = z.record(z.string(), z.record(z.string(), z.unknown()));
export type StateValues = z.infer<typeof StateValues>;

function readElement(raw: unknown, fieldId: string): string | undefined {
  const parsed = ElementState.safeParse(raw);
  if (!parsed.success) return undefined;
  const { value, selected_option, selected_options } = parsed.data;
  if (typeof value === 'string') return value;
  if (selected_option) return selected_option.value;
  // A checkbox group: the dry-run box is the only one and its option value is the field name.
  if (selected_options) return String(selected_options.some((o) => o.value === fieldId));
  return undefined;
}

/** Reads every contract field out of `view.state.values` as raw text; empty fields are left out. */
export function readStateValues(values: unknown): Prefill {
  const parsed = StateValues.safeParse(values);
  const prefill: Prefill = {};
  if (!parsed.success) return prefill;
  for (const id of FIELD_IDS) {
    const block = parsed.data[id];
    // Slack keys by action_id; accept the field name, else the block's only element.
    const raw = block?.[id] ?? (block ? Object.values(block)[0] : undefined);
    const text = readElement(raw, id)?.trim();
    if (text) prefill[id] = text;
  }
  return prefill;
}
