import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { DeployModalInput } from '../../../blocks/deploy-modal.js';
import type { ShownView } from '../send-view.js';
import { OpenReply, type OpenRequest, type ViewsThreadSettings } from './messages.js';

/** Opens the deploy modal for a slash command; resolves with the ids a later views.update needs. */
export type ModalOpener = (triggerId: string, modal: DeployModalInput) => Promise<ShownView>;

export interface ViewsThread {
  readonly open: ModalOpener;
  /** Ends the thread; opens still waiting are refused. */
  close(): Promise<void>;
}

/** The compiled thread entry: beside this module in dist/, or dist/'s copy when this runs from src/ (tests). */
function threadEntry(): URL {
  const beside = new URL('./thread-main.js', import.meta.url);
  if (existsSync(beside)) return beside;
  const built = new URL('../../../dist/src/slack/views-thread/thread-main.js', import.meta.url);
  if (existsSync(built)) return built;
  throw new Error('the views thread is not built: run `npm run build`');
}

/**
 * The slash command's views.open, made on a thread of its own at the lowest priority. Why: a
 * views.open costs the bot about twice the CPU of acknowledging the command, and on the thread
 * that acknowledges, the next commands' acks queued behind it (docs/BENCHMARK.md). The
 * thread starts on the first open and again after it dies; an open it was making then is refused.
 */
export function createViewsThread(settings: ViewsThreadSettings): ViewsThread {
  let worker: Worker | undefined;
  let seq = 0;
  let closed = false;
  const pending = new Map<
    number,
    { resolve: (view: ShownView) => void; reject: (e: Error) => void }
  >();
  const failAll = (error: Error) => {
    for (const waiting of pending.values()) waiting.reject(error);
    pending.clear();
  };
  const start = (): Worker => {
    const started = new Worker(threadEntry(), { workerData: settings });
    started.on('message', (message: unknown) => {
      const parsed = OpenReply.safeParse(message);
      // Only our own thread writes here; an unreadable answer is a bug, not a reason to crash the bot.
      if (!parsed.success) return failAll(new Error('the views thread answered unreadably'));
      const reply = parsed.data;
      const waiting = pending.get(reply.seq);
      pending.delete(reply.seq);
      if (reply.ok) waiting?.resolve(reply.view);
      else waiting?.reject(new Error(reply.message));
    });
    started.on('error', (error) => failAll(error));
    started.on('exit', (code) => {
      if (worker === started) worker = undefined;
      failAll(new Error(`the views thread stopped (exit code ${code})`));
    });
    // The thread alone never keeps the process alive.
    started.unref();
    return started;
  };
  return {
    open: (triggerId, modal) => {
      if (closed) return Promise.reject(new Error('the views thread is closed'));
      worker ??= start();
      seq += 1;
      const request: OpenRequest = { seq, triggerId, modal };
      const answer = new Promise<ShownView>((resolve, reject) => {
        pending.set(request.seq, { resolve, reject });
      });
      worker.postMessage(request);
      return answer;
    },
    close: async () => {
      closed = true;
      const running = worker;
      worker = undefined;
      if (running) await running.terminate();
      failAll(new Error('the views thread is closed'));
    },
  };
}
