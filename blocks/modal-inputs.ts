import type { types } from '@slack/bolt';
import { NUMBER_BOUNDS, readFieldNumber } from './field-rules.js';
import { FIELD, type FieldId, type Prefill } from './ids.js';
import { fitsOptionValue, option, plain, truncate } from './text.js';

/** The modal's input blocks; each keeps block_id == action_id == field name (CONTRACT.md). */

type Input = types.InputBlock;

/** A plain-text input, pre-filled when the field has a value. */
export function textInput(
  id: FieldId,
  label: string,
  prefill: Prefill,
  hint?: string,
  optional = true,
): Input {
  const initial = prefill[id];
  return {
    type: 'input',
    block_id: id,
    optional,
    label: plain(label, 2000),
    ...(hint ? { hint: plain(hint, 2000) } : {}),
    element: {
      type: 'plain_text_input',
      action_id: id,
      ...(initial ? { initial_value: truncate(initial, 3000) } : {}),
    },
  };
}

/**
 * A whole-number input with the field's bounds as Block Kit's min_value/max_value, so Slack refuses
 * an out-of-range number before the bot sees it; with a fallback it is required and starts at it.
 */
export function numberInput(
  id: FieldId,
  label: string,
  prefill: Prefill,
  fallback?: string,
): Input {
  const given = prefill[id];
  const initial =
    given !== undefined && readFieldNumber(id, given) !== undefined ? given : fallback;
  const bounds = NUMBER_BOUNDS[id];
  return {
    type: 'input',
    block_id: id,
    optional: fallback === undefined,
    label: plain(label),
    element: {
      type: 'number_input',
      action_id: id,
      is_decimal_allowed: false,
      ...(bounds ? { min_value: String(bounds.min), max_value: String(bounds.max) } : {}),
      ...(initial ? { initial_value: initial.trim() } : {}),
    },
  };
}

/** A static select; `dispatch` makes a change reach the app at once (network mode). */
export function staticSelect(
  id: FieldId,
  label: string,
  options: types.PlainTextOption[],
  initial?: string,
  dispatch = false,
): Input {
  const chosen = options.find((o) => o.value === initial);
  return {
    type: 'input',
    block_id: id,
    label: plain(label),
    dispatch_action: dispatch,
    element: {
      type: 'static_select',
      action_id: id,
      options: options.slice(0, 100),
      ...(chosen ? { initial_option: chosen } : {}),
    },
  };
}

/** A searchable select whose options come from the app (min_query_length 0: list on open). */
export function externalSelect(
  id: FieldId,
  label: string,
  placeholder: string,
  initial?: string,
  dispatch = false,
): Input {
  return {
    type: 'input',
    block_id: id,
    label: plain(label),
    dispatch_action: dispatch,
    element: {
      type: 'external_select',
      action_id: id,
      min_query_length: 0,
      placeholder: plain(placeholder, 150),
      // Too long for an option: left out, and the person types the value in the search box.
      ...(initial && fitsOptionValue(initial) ? { initial_option: option(initial, initial) } : {}),
    },
  };
}

/** The dry-run checkbox. */
export function dryRunInput(checked: boolean): Input {
  const dry = option('Dry run: check everything, create nothing', 'dry_run');
  return {
    type: 'input',
    block_id: FIELD.dryRun,
    optional: true,
    label: plain('Dry run'),
    element: {
      type: 'checkboxes',
      action_id: FIELD.dryRun,
      options: [dry],
      ...(checked ? { initial_options: [dry] } : {}),
    },
  };
}
