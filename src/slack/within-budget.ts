/** Resolves with `work`'s answer, or `fallback()` when it fails or takes longer than `ms` (Slack waits 3 s). */
export async function withinBudget<T>(
  work: Promise<T>,
  ms: number,
  fallback: (reason: 'late' | 'failed', error?: unknown) => T,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(fallback('late')), ms);
  });
  const done = work.catch((error: unknown) => fallback('failed', error));
  try {
    return await Promise.race([done, late]);
  } finally {
    clearTimeout(timer);
  }
}
