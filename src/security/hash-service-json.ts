import { createHash } from 'node:crypto';

/** Re-serialises a JSON value with object keys sorted at every depth. */
function canonicalize(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonicalize);
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) =>
      a < b ? -1 : a > b ? 1 : 0,
    );
    return Object.fromEntries(entries.map(([k, v]) => [k, canonicalize(v)]));
  }
  return value;
}

/**
 * The sha256 (hex) of the service JSON in canonical key order, so an approval binds what will be
 * created, not how it was spelled. Text that is not JSON is hashed as is.
 */
export function hashServiceJson(json: string): string {
  let canonical = json;
  try {
    canonical = JSON.stringify(canonicalize(JSON.parse(json)));
  } catch {
    // Not JSON: the exact text is what gets bound.
  }
  return createHash('sha256').update(canonical).digest('hex');
}
