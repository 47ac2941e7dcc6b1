import type { StateValue, StateValues } from '../sim/slack/payloads.js';

/** A Block Kit option as a view carries it. */
interface Option {
  text: { type: 'plain_text'; text: string };
  value: string;
}

/** The parts of an input block the demo reads (what Slack shows and sends back). */
interface InputBlock {
  type: 'input';
  block_id: string;
  optional?: boolean;
  label: { text: string };
  element: {
    type: string;
    initial_value?: string;
    initial_option?: Option;
    initial_options?: Option[];
    options?: Option[];
  };
}

/** One field as the person sees it in the open form. */
export interface FormField {
  readonly id: string;
  readonly label: string;
  /** What the field shows, as text; undefined when it is empty. */
  readonly shown?: string;
  readonly required: boolean;
  /** The first choice of a select, which a person picks when a required select is empty. */
  readonly firstChoice?: Option;
}

const isInput = (block: unknown): block is InputBlock =>
  typeof block === 'object' && block !== null && (block as { type?: unknown }).type === 'input';

/** The fields of a modal as Slack shows them: label, value (initial values) and whether required. */
export function readFormFields(view: { readonly [key: string]: unknown }): FormField[] {
  const blocks = Array.isArray(view.blocks) ? view.blocks : [];
  return blocks.filter(isInput).map((b) => {
    const e = b.element;
    const shown =
      e.initial_value ??
      e.initial_option?.text.text ??
      e.initial_options?.map((o) => o.text.text).join(', ');
    return {
      id: b.block_id,
      label: b.label.text,
      ...(shown ? { shown } : {}),
      required: b.optional !== true,
      ...(e.options?.[0] ? { firstChoice: e.options[0] } : {}),
    };
  });
}

/** The notices above the fields (context blocks), as their text. */
export function readFormNotices(view: { readonly [key: string]: unknown }): string[] {
  const blocks = Array.isArray(view.blocks) ? (view.blocks as Record<string, unknown>[]) : [];
  return blocks
    .filter((b) => b.type === 'context')
    .flatMap((b) => (b.elements as { text?: string }[] | undefined) ?? [])
    .flatMap((e) => (e.text ? [e.text] : []));
}

/**
 * What Slack sends back when Deploy is pressed on this view as it stands: each element's state
 * (block_id → action_id → value), with `choose` giving a value to required selects left empty.
 */
export function readStateOf(
  view: { readonly [key: string]: unknown },
  choose: Readonly<Record<string, Option>> = {},
): StateValues {
  const values: StateValues = {};
  const blocks = Array.isArray(view.blocks) ? view.blocks : [];
  for (const b of blocks.filter(isInput)) {
    const e = b.element;
    let state: StateValue;
    if (e.type === 'checkboxes')
      state = { type: e.type, selected_options: e.initial_options ?? [] };
    else if (e.type.endsWith('_select'))
      state = { type: e.type, selected_option: e.initial_option ?? choose[b.block_id] ?? null };
    else state = { type: e.type, value: e.initial_value ?? null };
    values[b.block_id] = { [b.block_id]: state };
  }
  return values;
}
