/// <reference lib="webworker" />
/**
 * Imported first by every worker. The worker takes a Web Lock of its own and holds it until it dies; the
 * browser releases it however the worker ends (an uncaught error, `self.close()`, `terminate()`, out of memory),
 * and the page, queued on the same lock, learns of the death even while the worker is busy (supervisedWorker.ts).
 */
import { crashOf, LIFELINE_KEY, type LifelineAnnouncement } from './lifelineMessages';

declare const self: DedicatedWorkerGlobalScope;

const announce = (lock: string | null) => {
  const message: LifelineAnnouncement = { [LIFELINE_KEY]: { lock } };
  self.postMessage(message);
};

if (self.navigator.locks) {
  const lock = `tinyml-studio-worker-${crypto.randomUUID()}`;
  void self.navigator.locks.request(lock, () => {
    announce(lock);
    return new Promise<never>(() => undefined);
  });
} else announce(null);

// Only the page's test hooks (off unless asked for) send this.
self.addEventListener('message', (event: MessageEvent<unknown>) => {
  const how = crashOf(event.data);
  if (how === 'close') self.close();
  else if (how === 'throw') throw new Error('A test asked this worker to crash');
});
