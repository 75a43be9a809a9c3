/**
 * Fault-test hooks, reachable from Playwright's page.evaluate as `window.__studioTest`. They exist only when
 * the page was opened with `?studioTest` or with localStorage `tinyml-studio.testHooks` set to "1"; otherwise
 * this does nothing and the page behaves as always.
 */
import type { CrashHow } from './lifelineMessages';
import type { ScaleSeedRequest, SeededProject } from '../db/scaleSeed';

export interface StudioTestHooks {
  /** Makes the running worker of a kind ('dsp', 'train', 'mcu', 'deploy') die; false when none is running. */
  crashWorker?: (kind: string, how: CrashHow) => boolean;
  /** Makes the worker of a kind die right after the next call to it (to `member`, if given) is posted. */
  crashWorkerOnNextCall?: (kind: string, how: CrashHow, member?: string) => void;
  /** Writes the scale bench's large projects through the studio's storage code (bench/scale.ts). */
  seedScaleProjects?: (request: ScaleSeedRequest) => Promise<SeededProject[]>;
}

declare global {
  interface Window {
    __studioTest?: StudioTestHooks;
  }
}

function hooksWanted(): boolean {
  if (typeof window === 'undefined') return false;
  try {
    return (
      new URLSearchParams(window.location.search).has('studioTest') ||
      window.localStorage.getItem('tinyml-studio.testHooks') === '1'
    );
  } catch {
    // localStorage can be denied by a site-data policy: then there are no hooks.
    return false;
  }
}

export function installCrashHook(
  hooks: Required<Pick<StudioTestHooks, 'crashWorker' | 'crashWorkerOnNextCall'>>,
): void {
  installTestHooks(hooks);
}

/** Adds hooks to `window.__studioTest`, only when the page asked for them. */
export function installTestHooks(hooks: StudioTestHooks): void {
  if (!hooksWanted()) return;
  window.__studioTest = { ...window.__studioTest, ...hooks };
}
