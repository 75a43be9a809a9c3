import { openStudioDb, type StudioDb } from '../platform/db/openStudioDb';
import { toast } from './toastStore';

let dbPromise: Promise<StudioDb> | null = null;

/** The one database connection of the page, opened on first use. */
export function getDb(): Promise<StudioDb> {
  // A newer version of the studio opened in another tab: this tab lets go and asks for a reload.
  dbPromise ??= openStudioDb({ onClosed: (e) => toast.error(e.message) });
  return dbPromise;
}
