import type { StoredChange } from './db/studioDb';

/** The channel every tab of the studio (same origin) talks on. */
export const TAB_CHANNEL = 'tinyml-studio';

export interface TabChannel {
  /** Tells the other tabs about a committed change. */
  post: (change: StoredChange) => void;
  close: () => void;
}

function isStoredChange(data: unknown): data is StoredChange {
  if (typeof data !== 'object' || data === null) return false;
  const { projectId, what } = data as Partial<StoredChange>;
  return (
    (projectId === null || typeof projectId === 'string') &&
    (what === 'projects' || what === 'dataset' || what === 'impulses' || what === 'models')
  );
}

/**
 * A BroadcastChannel between the studio's tabs. A channel never receives its own messages, so each page
 * opens one and hears only the others; messages that are not a StoredChange are ignored. Where the browser
 * has no BroadcastChannel, tabs are simply not told.
 */
export function openTabChannel(onChange: (change: StoredChange) => void): TabChannel {
  if (typeof BroadcastChannel === 'undefined') return { post: () => undefined, close: () => undefined };
  const channel = new BroadcastChannel(TAB_CHANNEL);
  channel.onmessage = (event: MessageEvent<unknown>) => {
    if (isStoredChange(event.data)) onChange(event.data);
  };
  return {
    post: (change) => channel.postMessage({ projectId: change.projectId, what: change.what }),
    close: () => channel.close(),
  };
}
