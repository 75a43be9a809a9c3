import { create } from 'zustand';
import { openStudioDb, type StoredChange, type StudioDb } from '../platform/db/openStudioDb';
import { openTabChannel, type TabChannel } from '../platform/tabSync';

/**
 * The database connection as the page must show it: usable, waiting for older tabs to close so it can
 * upgrade ('blocked'), or closed under us (a newer version opened in another tab): no more writes.
 */
export interface DbStatusState {
  status: 'ok' | 'blocked' | 'closed';
  message: string | null;
}

export const useDbStatus = create<DbStatusState>(() => ({ status: 'ok', message: null }));

type ChangeListener = (change: StoredChange) => void;
const listeners = new Set<ChangeListener>();
let channel: TabChannel | null = null;
const tabChannel = () => (channel ??= openTabChannel((change) => listeners.forEach((l) => l(change))));

/** Calls `listener` with every change another tab commits; returns the unsubscribe. */
export function onOtherTabChange(listener: ChangeListener): () => void {
  tabChannel();
  listeners.add(listener);
  return () => listeners.delete(listener);
}

let dbPromise: Promise<StudioDb> | null = null;

/** The one database connection of the page, opened on first use. */
export function getDb(): Promise<StudioDb> {
  dbPromise ??= openStudioDb({
    // A newer version of the studio opened in another tab: this tab has let go and asks for a reload.
    onClosed: (e) => useDbStatus.setState({ status: 'closed', message: e.message }),
    onBlocked: () =>
      useDbStatus.setState({
        status: 'blocked',
        message:
          'Close other studio tabs to finish the update: an older version of TinyML Studio open in another tab keeps the database in use.',
      }),
    onChanged: (change) => tabChannel().post(change),
  }).then((db) => {
    if (useDbStatus.getState().status === 'blocked') useDbStatus.setState({ status: 'ok', message: null });
    return db;
  });
  return dbPromise;
}
