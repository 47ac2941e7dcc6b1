import type { DroppedValue } from '../../../../blocks/deploy-modal.js';
import { describeRefusal, NUMBER_BOUNDS, readFieldNumber } from '../../../../blocks/field-rules.js';
import type { Prefill } from '../../../../blocks/ids.js';
import { FIELD, type FieldId, NETWORK_MODES } from '../../../../blocks/ids.js';
import { networkFieldChoices } from '../../../deploy/network/registry.js';

/** A pre-fill the form can show, and the values it cannot hold, each with the rule it broke. */
export interface CheckedPrefill {
  readonly prefill: Prefill;
  readonly dropped: DroppedValue[];
}

/** Values a select or checkbox can hold; any other value would silently vanish from the form. */
const CHOICES: Partial<Record<FieldId, readonly string[]>> = {
  [FIELD.network]: NETWORK_MODES,
  [FIELD.dryRun]: ['true', 'false'],
  // The network modes' selects (src/deploy/network/): the NLB address, …
  ...networkFieldChoices(),
};

/**
 * Keeps the `key=value` values the form can hold and names the others: a region the bot does not
 * offer, a number out of its bounds, a choice that is not one. Text fields are kept as typed (the
 * person sees them, and Deploy says what is wrong with them).
 */
export function checkPrefill(given: Prefill, regions: readonly string[]): CheckedPrefill {
  const prefill: Prefill = {};
  const dropped: DroppedValue[] = [];
  for (const [key, value] of Object.entries(given) as [FieldId, string][]) {
    const why = findProblem(key, value, regions);
    if (why) dropped.push({ field: key, value, why });
    else prefill[key] = value;
  }
  return { prefill, dropped };
}

function findProblem(field: FieldId, value: string, regions: readonly string[]) {
  if (field === FIELD.region && !regions.includes(value)) {
    const offered = regions.join(', ');
    return describeRefusal(field, { rule: `one of the regions this bot offers (${offered})` });
  }
  if (NUMBER_BOUNDS[field] && readFieldNumber(field, value) === undefined) {
    return describeRefusal(field);
  }
  const choices = CHOICES[field];
  if (choices && !choices.includes(value)) return describeRefusal(field);
  return undefined;
}

/** A pre-filled workspace that is not one of the region's (once they are known), with why. */
export function checkPrefillWorkspace(
  prefill: Prefill,
  workspaces: readonly { id: string; name: string }[],
): DroppedValue | undefined {
  const wanted = prefill.workspace;
  if (!wanted || workspaces.length === 0 || workspaces.some((w) => w.id === wanted)) return;
  const known = workspaces.map((w) => `${w.name} (${w.id})`).join(', ');
  const rule = `one of the workspaces of ${prefill.region ?? 'the region'}: ${known}`;
  return {
    field: FIELD.workspace,
    value: wanted,
    why: describeRefusal(FIELD.workspace, { rule, example: workspaces[0]?.id ?? '' }),
  };
}
