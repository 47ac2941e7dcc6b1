import type { RecordedCall } from './standin-options.js';

/** The id of the view a views.open / push / update / publish call was answered with; throws if none. */
export function answeredViewId(call: RecordedCall): string {
  const view = call.response?.view as { id?: unknown } | undefined;
  if (typeof view?.id !== 'string') {
    throw new Error(`${call.method} was answered without a view (${String(call.response?.error)})`);
  }
  return view.id;
}
