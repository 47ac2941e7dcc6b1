/**
 * Block Kit limits as Slack's own SDK models enforce them (slackapi/python-slack-sdk v3.43,
 * `slack_sdk/models/`): blocks/blocks.py (block_id 255, section text 3000 and 10 fields, header
 * 150, context 10 and actions 25 elements, input label/hint 2000), blocks/block_elements.py
 * (button text 75, value 2000, url 3000; action_id 255; placeholder 150; select 100 options or
 * option groups), blocks/basic_components.py (option text 75, value 150; option group label 75;
 * confirm title 100, text 300, confirm/deny 30), views/__init__.py (title 1–24, close and submit
 * 24, 1–100 blocks, private_metadata 3000, callback_id 255). A message takes 50 blocks (Slack's
 * block-kit schema, `maxItems: 50`). Problems are worded as Slack words them, with a JSON pointer
 * to the bad place: `must be less than 3001 characters [json-pointer:/blocks/0/text/text]`.
 */

type Node = Record<string, unknown>;
type Report = (problem: string, pointer: string) => void;

const isNode = (value: unknown): value is Node => typeof value === 'object' && value !== null;
const textOf = (value: unknown): string | undefined =>
  isNode(value) && typeof value.text === 'string' ? value.text : undefined;

function checkLength(value: string | undefined, max: number, pointer: string, report: Report) {
  if (value !== undefined && value.length > max) {
    report(`must be less than ${max + 1} characters`, pointer);
  }
}

function checkCount(value: unknown, max: number, pointer: string, report: Report) {
  if (Array.isArray(value) && value.length > max) {
    report(`no more than ${max} items allowed`, pointer);
  }
}

/** A text object's `text`, checked against `max`. */
function checkText(node: Node, key: string, max: number, at: string, report: Report) {
  checkLength(textOf(node[key]), max, `${at}/${key}/text`, report);
}

function checkOption(option: unknown, at: string, report: Report) {
  if (!isNode(option)) return;
  checkText(option, 'text', 75, at, report);
  checkText(option, 'description', 75, at, report);
  if (typeof option.value !== 'string') report('must provide a string', `${at}/value`);
  else checkLength(option.value, 150, `${at}/value`, report);
}

/** Checks a list of options (a select's, or an options-load answer's). */
export function checkOptions(options: unknown, at: string, report: Report): void {
  checkCount(options, 100, at, report);
  if (!Array.isArray(options)) return;
  for (const [i, o] of options.entries()) checkOption(o, `${at}/${i}`, report);
}

function checkConfirm(confirm: unknown, at: string, report: Report) {
  if (!isNode(confirm)) return;
  checkText(confirm, 'title', 100, at, report);
  checkText(confirm, 'text', 300, at, report);
  checkText(confirm, 'confirm', 30, at, report);
  checkText(confirm, 'deny', 30, at, report);
}

function checkElement(element: unknown, at: string, report: Report) {
  if (!isNode(element)) return;
  if (typeof element.action_id === 'string') {
    checkLength(element.action_id, 255, `${at}/action_id`, report);
  }
  checkText(element, 'placeholder', 150, at, report);
  checkConfirm(element.confirm, `${at}/confirm`, report);
  if (element.type === 'button') {
    checkText(element, 'text', 75, at, report);
    if (typeof element.value === 'string') checkLength(element.value, 2000, `${at}/value`, report);
    if (typeof element.url === 'string') checkLength(element.url, 3000, `${at}/url`, report);
  }
  if (element.options !== undefined) checkOptions(element.options, `${at}/options`, report);
  if (Array.isArray(element.option_groups)) {
    checkCount(element.option_groups, 100, `${at}/option_groups`, report);
    for (const [i, group] of element.option_groups.entries()) {
      if (!isNode(group)) continue;
      checkText(group, 'label', 75, `${at}/option_groups/${i}`, report);
      checkOptions(group.options, `${at}/option_groups/${i}/options`, report);
    }
  }
  if (element.initial_option !== undefined) {
    checkOption(element.initial_option, `${at}/initial_option`, report);
  }
  if (element.type === 'plain_text_input' && typeof element.max_length === 'number') {
    if (element.max_length > 3000) report('must be less than 3001', `${at}/max_length`);
  }
}

function checkBlock(block: unknown, at: string, report: Report) {
  if (!isNode(block)) {
    report('must be an object', at);
    return;
  }
  if (typeof block.block_id === 'string') {
    checkLength(block.block_id, 255, `${at}/block_id`, report);
  }
  const elements = Array.isArray(block.elements) ? block.elements : [];
  switch (block.type) {
    case 'section':
      checkText(block, 'text', 3000, at, report);
      checkCount(block.fields, 10, `${at}/fields`, report);
      for (const [i, f] of (Array.isArray(block.fields) ? block.fields : []).entries()) {
        checkLength(textOf(f), 2000, `${at}/fields/${i}/text`, report);
      }
      checkElement(block.accessory, `${at}/accessory`, report);
      break;
    case 'header':
      checkText(block, 'text', 150, at, report);
      break;
    case 'context':
      checkCount(block.elements, 10, `${at}/elements`, report);
      break;
    case 'actions':
      checkCount(block.elements, 25, `${at}/elements`, report);
      for (const [i, e] of elements.entries()) checkElement(e, `${at}/elements/${i}`, report);
      break;
    case 'input':
      checkText(block, 'label', 2000, at, report);
      checkText(block, 'hint', 2000, at, report);
      checkElement(block.element, `${at}/element`, report);
      break;
  }
}

/** Every problem of a list of blocks, each as Slack words it with its JSON pointer. */
export function findBlockProblems(blocks: unknown, at: string, maxBlocks: number): string[] {
  const problems: string[] = [];
  const report: Report = (problem, pointer) =>
    problems.push(`${problem} [json-pointer:${pointer}]`);
  if (!Array.isArray(blocks)) return [`must be an array [json-pointer:${at}]`];
  checkCount(blocks, maxBlocks, at, report);
  for (const [i, block] of blocks.entries()) checkBlock(block, `${at}/${i}`, report);
  return problems;
}

/** Every problem of a modal or Home tab view (pointers under `/view`). */
export function findViewProblems(view: Node): string[] {
  const problems: string[] = [];
  const report: Report = (problem, pointer) =>
    problems.push(`${problem} [json-pointer:${pointer}]`);
  for (const key of ['title', 'close', 'submit'] as const) {
    checkLength(textOf(view[key]), 24, `/view/${key}/text`, report);
  }
  if (view.type === 'modal' && !textOf(view.title)) report('must provide a title', '/view/title');
  if (typeof view.private_metadata === 'string') {
    checkLength(view.private_metadata, 3000, '/view/private_metadata', report);
  }
  if (typeof view.callback_id === 'string') {
    checkLength(view.callback_id, 255, '/view/callback_id', report);
  }
  const blocks = Array.isArray(view.blocks) ? view.blocks : [];
  if (
    view.type === 'modal' &&
    blocks.some((b) => isNode(b) && b.type === 'input') &&
    !view.submit
  ) {
    report('must define submit to use input block', '/view');
  }
  return [...problems, ...findBlockProblems(view.blocks, '/view/blocks', 100)];
}

/**
 * Every problem of an answer to an options load (block_suggestion): Slack shows the select empty
 * when its `options` (or `option_groups`) break the option limits.
 */
export function findOptionsAnswerProblems(answer: unknown): string[] {
  const problems: string[] = [];
  const report: Report = (problem, pointer) =>
    problems.push(`${problem} [json-pointer:${pointer}]`);
  if (!isNode(answer)) return ['must be an object [json-pointer:/]'];
  if (answer.options !== undefined) checkOptions(answer.options, '/options', report);
  if (Array.isArray(answer.option_groups)) {
    checkCount(answer.option_groups, 100, '/option_groups', report);
    for (const [i, group] of answer.option_groups.entries()) {
      if (isNode(group)) checkOptions(group.options, `/option_groups/${i}/options`, report);
    }
  }
  return problems;
}
