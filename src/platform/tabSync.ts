import type { StoredChange } from './db/studioDb';

/** The channel every tab of the studio (same origin) talks on; the tabs' workers post on it too. */
export const TAB_CHANNEL = 'tinyml-studio';

/** Joins a worker's kind and its tab in the worker's name (`workerName`, `tabOfWorker`). */
const TAB_SEPARATOR = '@';

export interface TabChannel {
  /** Tells the other tabs about a committed change. */
  post: (change: StoredChange) => void;
  close: () => void;
}

/** What travels on the channel: the change, and the tab it was made in (its page or one of its workers). */
interface TabMessage extends StoredChange {
  tab: string;
}

function isStoredChange(data: unknown): data is StoredChange {
  if (typeof data !== 'object' || data === null) return false;
  const { projectId, what } = data as Partial<StoredChange>;
  return (
    (projectId === null || typeof projectId === 'string') &&
    (what === 'projects' || what === 'dataset' || what === 'impulses' || what === 'models')
  );
}

/** This page's tab, as its messages and its workers' messages name it (a new one on every load). */
export const PAGE_TAB = crypto.randomUUID();

/** The name of a worker of this page (`kind`, e.g. 'train'), which tells the worker its tab. */
export function workerName(kind: string): string {
  return `${kind}${TAB_SEPARATOR}${PAGE_TAB}`;
}

/** The tab a worker belongs to, from its name (`workerName`); null for a name without one. */
export function tabOfWorker(name: string): string | null {
  const at = name.lastIndexOf(TAB_SEPARATOR);
  return at < 0 || at === name.length - 1 ? null : name.slice(at + 1);
}

const message = (change: StoredChange, tab: string): TabMessage => ({
  projectId: change.projectId,
  what: change.what,
  tab,
});

/**
 * A BroadcastChannel between the studio's tabs. Each page opens one and hears only the other tabs: a channel
 * never receives its own messages, and those of this tab's workers carry its `tab`. Messages that are not a
 * StoredChange are ignored. Where the browser has no BroadcastChannel, tabs are simply not told.
 */
export function openTabChannel(onChange: (change: StoredChange) => void, tab: string = PAGE_TAB): TabChannel {
  if (typeof BroadcastChannel === 'undefined') return { post: () => undefined, close: () => undefined };
  const channel = new BroadcastChannel(TAB_CHANNEL);
  channel.onmessage = (event: MessageEvent<unknown>) => {
    const data = event.data;
    if (!isStoredChange(data) || (data as Partial<TabMessage>).tab === tab) return;
    onChange({ projectId: data.projectId, what: data.what });
  };
  return {
    post: (change) => channel.postMessage(message(change, tab)),
    close: () => channel.close(),
  };
}

/**
 * For a worker (named by `workerName`): tells the other tabs about each change it commits, as its page would
 * (the worker writes trained models and runs to the database itself). A worker without a tab in its name tells
 * nobody, since its own page would take the message for another tab's.
 */
export function announceToOtherTabs(workerName: string): (change: StoredChange) => void {
  const tab = tabOfWorker(workerName);
  if (tab === null || typeof BroadcastChannel === 'undefined') return () => undefined;
  const channel = new BroadcastChannel(TAB_CHANNEL);
  return (change) => channel.postMessage(message(change, tab));
}
