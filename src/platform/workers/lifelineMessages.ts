/**
 * The few messages a worker and its page client exchange beside comlink's (comlink ignores messages without its
 * `id`, on both sides). The worker announces the Web Lock it holds for as long as it lives; a test may ask it
 * to crash (see testHooks.ts).
 */

export const LIFELINE_KEY = 'tinymlStudioLifeline';
export const CRASH_KEY = 'tinymlStudioCrash';

/** How a test makes a worker die: an uncaught error in it, `self.close()` in it, or `terminate()` from the page. */
export type CrashHow = 'throw' | 'close' | 'terminate';

/** The worker is running; `lock` is the name of the lock it holds until it dies (null without Web Locks). */
export interface LifelineAnnouncement {
  [LIFELINE_KEY]: { lock: string | null };
}

export interface CrashRequest {
  [CRASH_KEY]: Exclude<CrashHow, 'terminate'>;
}

const isRecord = (data: unknown): data is Record<string, unknown> =>
  typeof data === 'object' && data !== null;

export function lifelineOf(data: unknown): { lock: string | null } | null {
  if (!isRecord(data) || !isRecord(data[LIFELINE_KEY])) return null;
  const { lock } = data[LIFELINE_KEY];
  return { lock: typeof lock === 'string' ? lock : null };
}

export function crashOf(data: unknown): CrashRequest[typeof CRASH_KEY] | null {
  if (!isRecord(data)) return null;
  const how = data[CRASH_KEY];
  return how === 'throw' || how === 'close' ? how : null;
}
