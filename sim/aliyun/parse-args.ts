/** One CLI invocation: `aliyun <product> <operation> --flag value …`. */
export interface ParsedArgs {
  product: string;
  operation: string;
  /** Flag values by name without dashes; a flag given without a value is "true". */
  flags: Record<string, string>;
  extra: string[];
}

/** Global switches that never take a value, so `--quiet eas …` keeps `eas` as the product. */
const SWITCHES = new Set([
  'quiet',
  'force',
  'skip-secure-verify',
  'insecure',
  'cli-dry-run',
  'dryrun',
  'pager',
  'help',
  'enable-pre',
]);

/** Parses argv the way aliyun does: flags in any order, `--flag value` or `--flag=value`. */
export function parseArgs(argv: readonly string[]): ParsedArgs {
  const words: string[] = [];
  const flags: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i] ?? '';
    if (!token.startsWith('--')) {
      words.push(token);
      continue;
    }
    const eq = token.indexOf('=');
    if (eq > 2) {
      flags[token.slice(2, eq)] = token.slice(eq + 1);
      continue;
    }
    const next = argv[i + 1];
    if (next !== undefined && !next.startsWith('--') && !SWITCHES.has(token.slice(2))) {
      flags[token.slice(2)] = next;
      i++;
    } else {
      flags[token.slice(2)] = 'true';
    }
  }
  const [product = '', operation = '', ...extra] = words;
  return { product, operation, flags, extra };
}
