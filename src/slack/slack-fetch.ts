import type { webApi } from '@slack/bolt';
import { Agent, request } from 'undici';
import { echoesView, trimViewEcho } from './trim-view-echo.js';

/** Statuses whose response may not carry a body (the Response constructor refuses one). */
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

/**
 * The Web API client's transport (`clientOptions.fetch`, the SDK's hook for transport-level
 * behaviour): undici's `request()` over one keep-alive pool instead of Node's global `fetch`. The
 * client keeps its own queue, retries and 429 handling; only the HTTP exchange changes. Why: Node's
 * fetch spends about 1.2 ms of CPU on one views.open, on the thread that acknowledges the next
 * command; this spends about 0.7 (`npm run bench`, docs/BENCHMARK.md). Bolt uses the same function
 * for `respond()`, so it answers with a standard `Response`.
 */
export function createSlackFetch(): webApi.FetchFunction {
  const dispatcher = new Agent({ keepAliveTimeout: 30_000 });
  return async (url, init = {}) => {
    // Multipart uploads (files) are not something this bot sends; Node's fetch handles them.
    const { body } = init;
    if (body instanceof FormData) return fetch(url, init);
    const answer = await request(url, {
      method: (init.method ?? 'GET') as 'GET',
      ...(init.headers ? { headers: init.headers } : {}),
      ...(body !== undefined ? { body } : {}),
      ...(init.signal ? { signal: init.signal } : {}),
      dispatcher,
    });
    const bytes =
      answer.statusCode === 200 && echoesView(String(url))
        ? trimViewEcho(await answer.body.text())
        : await answer.body.arrayBuffer();
    const headers: Array<[string, string]> = [];
    for (const [name, value] of Object.entries(answer.headers)) {
      if (Array.isArray(value)) for (const one of value) headers.push([name, one]);
      else if (value !== undefined) headers.push([name, value]);
    }
    return new Response(NULL_BODY_STATUSES.has(answer.statusCode) ? null : bytes, {
      status: answer.statusCode,
      headers,
    });
  };
}
