/** Finds every place a view or message breaks one of Slack's Block Kit limits; empty means it fits. */
export function findSlackLimitViolations(
  surface: {
    type?: unknown;
    blocks?: unknown;
    title?: unknown;
    submit?: unknown;
    close?: unknown;
    private_metadata?: unknown;
  },
  kind: 'view' | 'message',
): string[] {
  const problems: string[] = [];
  const blocks = Array.isArray(surface.blocks) ? surface.blocks : [];
  const maxBlocks = kind === 'view' ? 100 : 50;
  if (blocks.length > maxBlocks) problems.push(`${blocks.length} blocks > ${maxBlocks}`);
  for (const key of ['title', 'submit', 'close'] as const) {
    const text = (surface[key] as { text?: string } | undefined)?.text;
    if (text !== undefined && text.length > 24) problems.push(`${key} "${text}" > 24`);
  }
  if (typeof surface.private_metadata === 'string' && surface.private_metadata.length > 3000) {
    problems.push('private_metadata > 3000');
  }
  walk(blocks, '', problems);
  return problems;
}

function textOf(value: unknown): string | undefined {
  return typeof value === 'object' &&
    value !== null &&
    typeof (value as { text?: unknown }).text === 'string'
    ? (value as { text: string }).text
    : undefined;
}

function walk(node: unknown, path: string, problems: string[]): void {
  if (Array.isArray(node)) {
    for (const [i, child] of node.entries()) walk(child, `${path}[${i}]`, problems);
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  const n = node as Record<string, unknown>;
  const check = (ok: boolean, what: string) => {
    if (!ok) problems.push(`${path}: ${what}`);
  };
  for (const id of ['block_id', 'action_id'] as const) {
    if (typeof n[id] === 'string') check((n[id] as string).length <= 255, `${id} > 255`);
  }
  if (n.type === 'section') check((textOf(n.text)?.length ?? 0) <= 3000, 'section text > 3000');
  if (n.type === 'button') {
    check((textOf(n.text)?.length ?? 0) <= 24, `button "${textOf(n.text)}" > 24`);
    if (typeof n.value === 'string') check(n.value.length <= 2000, 'button value > 2000');
  }
  if (n.type === 'context')
    check(Array.isArray(n.elements) && n.elements.length <= 10, 'context > 10 elements');
  if (n.type === 'actions')
    check(Array.isArray(n.elements) && n.elements.length <= 25, 'actions > 25 elements');
  if (n.type === 'input' || n.type === 'header')
    check((textOf(n.label ?? n.text)?.length ?? 0) <= 2000, 'label too long');
  if (Array.isArray(n.options)) {
    check(n.options.length <= 100, `${n.options.length} options > 100`);
    for (const o of n.options as Record<string, unknown>[]) checkOption(o, path, problems);
  }
  if (n.initial_option) checkOption(n.initial_option as Record<string, unknown>, path, problems);
  for (const [key, child] of Object.entries(n)) {
    if (key !== 'options') walk(child, `${path}.${key}`, problems);
  }
}

function checkOption(o: Record<string, unknown>, path: string, problems: string[]): void {
  const text = textOf(o.text) ?? '';
  if (text.length > 75) problems.push(`${path}: option text "${text}" > 75`);
  if (typeof o.value !== 'string' || o.value.length > 150)
    problems.push(`${path}: option value > 150`);
}
