import { describe, expect, it } from 'vitest';
import { timeSlicer, yieldToEventLoop } from './yieldToEventLoop';

/** A worker-like job: steps until a cancel message (a task) has arrived, or `limit` steps. */
async function job(checkpoint: () => Promise<void>, limit: number): Promise<number> {
  let cancelled = false;
  const { port1, port2 } = new MessageChannel();
  port1.onmessage = () => (cancelled = true);
  port2.postMessage('cancel');
  let steps = 0;
  try {
    while (!cancelled && steps < limit) {
      await checkpoint();
      steps++;
    }
  } finally {
    port1.close();
  }
  return steps;
}

describe('yielding to the event loop', () => {
  it('a loop over settled promises never lets a queued message in; one yield does', async () => {
    expect(await job(() => Promise.resolve(), 10_000)).toBe(10_000);
    expect(await job(yieldToEventLoop, 10_000)).toBeLessThanOrEqual(2);
  });

  it('a time slicer yields once a slice has passed, so the message lands within one slice of steps', async () => {
    let clock = 0;
    // Every step takes 1 ms of the fake clock; a slice is 16 ms.
    const slicer = timeSlicer(16, () => clock++);
    expect(await job(slicer, 10_000)).toBeLessThanOrEqual(17);
  });
});
