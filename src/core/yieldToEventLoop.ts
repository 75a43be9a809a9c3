/**
 * Long jobs must now and then give the event loop a turn, or they cannot be cancelled. A worker receives
 * "cancel" as a message, which is a task. A loop that only awaits promises that are already settled (tfjs
 * `fit` on a small model, features from the cache, the interpreter) runs as one chain of microtasks, and no
 * task runs until the chain ends, so the cancel arrives after the job has finished. Awaiting
 * `yieldToEventLoop` between steps lets messages that are already queued run first.
 */

/** How long a loop may run between two yields: short enough to feel instant, long enough to cost nothing. */
export const YIELD_SLICE_MS = 16;

/** Resolves in a new task, after the tasks already queued (such as a worker's incoming messages). */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => {
    // A message task is not clamped the way nested setTimeout(0) calls are (4 ms each).
    if (typeof MessageChannel === 'undefined') {
      setTimeout(resolve, 0);
      return;
    }
    const { port1, port2 } = new MessageChannel();
    port1.onmessage = () => {
      port1.close();
      resolve();
    };
    port2.postMessage(null);
  });
}

/**
 * A checkpoint for a loop of many short steps: awaiting it yields to the event loop once `sliceMs` have
 * passed since the last yield and resolves at once otherwise.
 */
export function timeSlicer(
  sliceMs = YIELD_SLICE_MS,
  now: () => number = () => performance.now(),
): () => Promise<void> {
  let last = now();
  return async () => {
    if (now() - last < sliceMs) return;
    await yieldToEventLoop();
    last = now();
  };
}
