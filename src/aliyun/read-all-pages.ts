import type { CallResult } from './call-cli.js';

/** One page of a list: its items and the cursor of the next page, if there is one. */
export interface Page<T, C> {
  readonly items: readonly T[];
  readonly next?: C;
}

export interface PageBound {
  /** What is listed, for the message at the bound: "VPCs in cn-hangzhou". */
  readonly what: string;
  readonly maxPages: number;
  /** What the person can do instead, e.g. "Type the VPC id in the form.". */
  readonly instead: string;
}

/** The next page number of a PageNumber/PageSize answer, or undefined on the last page. */
export function nextPageNumber(
  page: number,
  size: number,
  got: number,
  total: number | undefined,
): number | undefined {
  if (got === 0) return undefined;
  if (total !== undefined) return page * size < total ? page + 1 : undefined;
  return got >= size ? page + 1 : undefined;
}

/**
 * Reads every page of a list (page numbers or NextToken), stopping early once `done` says so.
 * Past `maxPages` it stops with a message that says so, instead of deciding on a partial list.
 */
export async function readAllPages<T, C>(
  first: C,
  fetchPage: (cursor: C) => Promise<CallResult<Page<T, C>>>,
  bound: PageBound,
  done: (items: readonly T[]) => boolean = () => false,
): Promise<CallResult<T[]>> {
  const items: T[] = [];
  let cursor: C | undefined = first;
  for (let n = 0; cursor !== undefined; n += 1) {
    if (n >= bound.maxPages) {
      const message = `There are more ${bound.what} than eas-deploy reads (${bound.maxPages} pages). ${bound.instead}`;
      return { ok: false, error: { kind: 'too-many', message } };
    }
    const answer = await fetchPage(cursor);
    if (!answer.ok) return answer;
    items.push(...answer.data.items);
    if (done(items)) break;
    cursor = answer.data.next;
  }
  return { ok: true, data: items };
}
